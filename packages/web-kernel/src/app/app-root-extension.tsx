import type { ReactNode } from 'react';
import { BrowserRouter, MemoryRouter } from 'react-router';
import { coreExtensionData } from '../extensions/core-extension-data.js';
import { defineExtension, type ExtensionDefinition } from '../extensions/define-extension.js';
import { defineExtensionInput } from '../extensions/extension-input.js';
import { SignInGate } from './sign-in-gate.js';

/** Options of {@link createAppRootExtension}. */
export interface AppRootOptions {
  /** Router base path, from the path of `app.baseUrl`. */
  basename: string | undefined;
  /** Use an in-memory router starting here (tests); the browser's history otherwise. */
  initialEntries: string[] | undefined;
}

function AppRouter({ basename, initialEntries, children }: AppRootOptions & { children: ReactNode }) {
  if (initialEntries) return <MemoryRouter initialEntries={initialEntries}>{children}</MemoryRouter>;
  return <BrowserRouter basename={basename}>{children}</BrowserRouter>;
}

/**
 * The built-in `app/root`: the router and the sign-in gate around `app/layout`.
 * Inputs: `layout` (required), `signInPage` (optional).
 *
 * @example
 * createAppRootExtension({ basename: undefined, initialEntries: ['/catalog'] });
 */
export function createAppRootExtension(options: AppRootOptions): ExtensionDefinition {
  return defineExtension({
    id: 'app/root',
    attachTo: { id: 'app', input: 'root' },
    inputs: {
      signInPage: defineExtensionInput(
        { element: coreExtensionData.reactElement },
        { singleton: true, optional: true },
      ),
      layout: defineExtensionInput({ element: coreExtensionData.reactElement }, { singleton: true }),
    },
    output: { element: coreExtensionData.reactElement },
    factory: ({ inputs }) => ({
      element: (
        <AppRouter {...options}>
          <SignInGate signInPage={inputs.signInPage?.output.element}>
            {inputs.layout.output.element}
          </SignInGate>
        </AppRouter>
      ),
    }),
  });
}
