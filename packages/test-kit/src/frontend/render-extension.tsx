import { AtriumError } from '@atrium/errors';
import {
  ApiBlueprint,
  type ApiRef,
  type AtriumApp,
  coreExtensionData,
  createApp,
  defineApiFactory,
  defineExtension,
  defineExtensionInput,
  defineWebPlugin,
  type ExtensionDefinition,
  resolveExtensionId,
} from '@atrium/web-kernel';
import { type RenderResult, render } from '@testing-library/react';
import type { ComponentType, ReactNode } from 'react';
import { testKitErrorCodes } from './test-kit-error-codes.js';

/** An API implementation for {@link renderExtension}: the ref and the object to use for it. */
export type ApiImplementation<TApi = unknown> = readonly [ApiRef<TApi>, TApi];

/** Options of {@link renderExtension}. */
export interface RenderExtensionOptions {
  /** Extensions to attach to the subject's inputs, by input name (their own `attachTo` is ignored). */
  inputs?: Readonly<Record<string, readonly ExtensionDefinition[]>>;
  /** APIs the subject (or its inputs) use, e.g. a stub of the catalog client. */
  apis?: readonly ApiImplementation[];
  /** The subject's config, as `app.extensions` would give it (checked by its schema). */
  config?: unknown;
  /** Wraps the subject's element, e.g. in an `EntityProvider`. */
  wrapper?: ComponentType<{ children?: ReactNode }>;
  /** Route the subject is mounted at (e.g. `/catalog/:namespace/:kind/:name`); `/` by default. */
  routePath?: string;
  /** URL the app opens at; the route path by default. */
  initialPath?: string;
  /** Plugin id that completes the subject's id when it has no namespace; `test` by default. */
  pluginId?: string;
}

/** What {@link renderExtension} returns: Testing Library's result and the app it built. */
export type RenderedExtension = RenderResult & { app: AtriumApp };

const hostId = 'page:test-kit/host';

function apiExtension([api, implementation]: ApiImplementation, index: number): ExtensionDefinition {
  return ApiBlueprint.make({
    name: `test-${index}`,
    params: defineApiFactory({ api, deps: {}, factory: () => implementation }),
  });
}

function hostPage(routePath: string, Wrapper: RenderExtensionOptions['wrapper']): ExtensionDefinition {
  return defineExtension({
    id: hostId,
    attachTo: { id: 'app/layout', input: 'routes' },
    inputs: {
      subject: defineExtensionInput({ element: coreExtensionData.reactElement }, { singleton: true }),
    },
    output: { path: coreExtensionData.routePath, element: coreExtensionData.reactElement },
    factory: ({ inputs }) => {
      const element = inputs.subject.output.element;
      return { path: routePath, element: Wrapper ? <Wrapper>{element}</Wrapper> : element };
    },
  });
}

/**
 * Renders one extension the way the app would (its factory, config, inputs, error
 * boundary, the app's APIs and router), alone on a page: for a plugin author's test of a
 * card, a tab or a page. The subject must output a React element; extensions given as
 * `inputs` attach to it, `apis` replace or add utility APIs. Fails at once, naming them,
 * when the app reports problems (a missing input, invalid config).
 *
 * @example
 * renderExtension(aboutCard, {
 *   wrapper: ({ children }) => <EntityProvider entity={entity}>{children}</EntityProvider>,
 *   apis: [[catalogApiRef, stubCatalog]],
 * });
 * await screen.findByRole('region', { name: 'About' });
 */
export function renderExtension(
  extension: ExtensionDefinition,
  options: RenderExtensionOptions = {},
): RenderedExtension {
  const pluginId = options.pluginId ?? 'test';
  const id = resolveExtensionId(extension, pluginId) ?? 'test-kit:subject';
  const attached = Object.entries(options.inputs ?? {}).flatMap(([input, children]) =>
    children.map((child) => ({ ...child, attachTo: { id, input } })),
  );
  const routePath = options.routePath ?? '/';
  const app = createApp({
    features: [
      defineWebPlugin({
        id: pluginId,
        extensions: [
          hostPage(routePath, options.wrapper),
          { ...extension, id, attachTo: { id: hostId, input: 'subject' } },
          ...attached,
          ...(options.apis ?? []).map(apiExtension),
        ],
      }),
    ],
    config:
      options.config === undefined ? {} : { app: { extensions: [{ [id]: { config: options.config } }] } },
    initialEntries: [options.initialPath ?? routePath],
  });
  if (app.diagnostics.length > 0) {
    throw new AtriumError(
      testKitErrorCodes.TEST_KIT_EXTENSION_UNRENDERABLE,
      `renderExtension('${id}'): the app reports ${app.diagnostics.map((d) => `[${d.code}] ${d.message}`).join('; ')}`,
      { details: { extensionId: id } },
    );
  }
  return { ...render(app.createRoot()), app };
}
