import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, type ReactNode, useEffect, useSyncExternalStore } from 'react';
import { identityApiRef } from '../apis/identity-api.js';
import { useApi } from '../apis/use-api.js';

/** Props of {@link SignInGate}. */
export interface SignInGateProps {
  /** Shown instead of the app while nobody is signed in; without one the app is open. */
  signInPage: ReactElement | undefined;
  children?: ReactNode;
}

/**
 * Shows the sign-in page to signed-out users and the app to signed-in ones. Signing out
 * (or a 401) also drops cached query data, so the next user never sees the last one's.
 *
 * @example
 * <SignInGate signInPage={<SignInPage />}><AppLayout /></SignInGate>
 */
export function SignInGate({ signInPage, children }: SignInGateProps) {
  const identityApi = useApi(identityApiRef);
  const queryClient = useQueryClient();
  const state = useSyncExternalStore(identityApi.subscribe, identityApi.getState);
  useEffect(() => {
    let signedIn = identityApi.getState().status !== 'signed-out';
    // Cleared as the state changes, before React renders the sign-in page: clearing from an
    // effect after that render cancelled the page's first queries (its providers) for good.
    return identityApi.subscribe(() => {
      const signedOut = identityApi.getState().status === 'signed-out';
      if (signedOut && signedIn) queryClient.clear();
      signedIn = !signedOut;
    });
  }, [identityApi, queryClient]);
  if (!signInPage || state.status !== 'signed-out') return children;
  return signInPage;
}
