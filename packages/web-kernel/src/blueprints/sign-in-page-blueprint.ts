import { coreExtensionData } from '../extensions/core-extension-data.js';
import { defineBlueprint } from '../extensions/define-blueprint.js';
import { type ElementLoader, lazyElement } from '../extensions/lazy-element.js';

/**
 * The page signed-out users see instead of the app, attached to `app/root`'s `signInPage`.
 * It signs in through `useApi(identityApiRef).signIn(providerId)`.
 *
 * @example
 * SignInPageBlueprint.make({ params: { loader: () => import('./sign-in-page.js').then((m) => <m.SignInPage />) } });
 */
export const SignInPageBlueprint = defineBlueprint({
  kind: 'sign-in-page',
  attachTo: { id: 'app/root', input: 'signInPage' },
  output: { element: coreExtensionData.reactElement },
  factory: (params: { loader: ElementLoader }) => ({ element: lazyElement(params.loader) }),
});
