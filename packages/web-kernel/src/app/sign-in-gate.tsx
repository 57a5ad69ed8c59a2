import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, type ReactNode, useEffect, useRef, useSyncExternalStore } from 'react';
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
  const isSignedOut = state.status === 'signed-out';
  const wasSignedIn = useRef(!isSignedOut);
  useEffect(() => {
    // Only a sign-out clears; clearing on first render would drop the sign-in page's own queries.
    if (isSignedOut && wasSignedIn.current) queryClient.clear();
    wasSignedIn.current = !isSignedOut;
  }, [isSignedOut, queryClient]);
  if (!signInPage || !isSignedOut) return children;
  return signInPage;
}
