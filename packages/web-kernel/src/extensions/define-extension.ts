import type { ZodType } from 'zod';
import type { ExtensionDataRefs, ExtensionDataValues } from './extension-data-ref.js';
import type { AnyExtensionInput, ExtensionInputs, ResolvedExtensionInputs } from './extension-input.js';

/** Where an extension plugs in: an input of its parent extension. */
export interface ExtensionAttachment {
  /** Id of the parent extension, e.g. `app/layout` or `page:catalog/entity`. */
  id: string;
  /** Name of one of the parent's inputs, e.g. `routes`. */
  input: string;
}

/** What an extension's factory receives. */
export interface ExtensionFactoryContext<TConfig, TInputs extends ExtensionInputs> {
  /** The extension's resolved id, e.g. `page:catalog`. */
  id: string;
  /** Config from `app.extensions`, parsed by the extension's schema (defaults applied). */
  config: TConfig;
  /** Children attached to each input, in their configured order. */
  inputs: ResolvedExtensionInputs<TInputs>;
}

/** Options of {@link defineExtension}. */
export interface DefineExtensionOptions<
  TOutput extends ExtensionDataRefs,
  TInputs extends ExtensionInputs,
  TConfig,
> {
  /** A full id; otherwise it is `<kind>:<namespace>[/<name>]`, the namespace defaulting to the plugin id. */
  id?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  /** The parent input; only the root extension `app` has none. */
  attachTo?: ExtensionAttachment;
  /** Off unless `app.extensions` enables it. */
  disabled?: boolean;
  inputs?: TInputs;
  output: TOutput;
  /** Validates and defaults this extension's `config` from `app.extensions`. */
  config?: ZodType<TConfig>;
  factory: (context: ExtensionFactoryContext<TConfig, TInputs>) => ExtensionDataValues<TOutput>;
}

/** Factory context with the types erased, as the kernel calls it. */
interface ErasedFactoryContext {
  id: string;
  config: unknown;
  inputs: Record<string, unknown>;
}

/** An inert extension declaration; a plugin lists these and `createApp` builds them into a tree. */
export interface ExtensionDefinition {
  readonly $$type: '@atrium/ExtensionDefinition';
  readonly id?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly attachTo?: ExtensionAttachment;
  readonly disabled: boolean;
  readonly inputs: Readonly<Record<string, AnyExtensionInput>>;
  readonly output: ExtensionDataRefs;
  readonly configSchema?: ZodType;
  readonly factory: (context: ErasedFactoryContext) => Record<string, unknown>;
}

/**
 * Declares an extension: where it attaches, which inputs it offers its own children,
 * what it outputs, its config schema and the factory that makes its outputs.
 *
 * @example
 * const entityPage = defineExtension({
 *   kind: 'page', name: 'entity',
 *   attachTo: { id: 'app/layout', input: 'routes' },
 *   inputs: { tabs: defineExtensionInput({ element: coreExtensionData.reactElement }) },
 *   output: { path: coreExtensionData.routePath, element: coreExtensionData.reactElement },
 *   factory: ({ inputs }) => ({ path: '/catalog/:kind/:name', element: <EntityPage tabs={inputs.tabs} /> }),
 * });
 */
export function defineExtension<
  TOutput extends ExtensionDataRefs,
  TInputs extends ExtensionInputs = Record<string, never>,
  TConfig = Record<string, never>,
>(options: DefineExtensionOptions<TOutput, TInputs, TConfig>): ExtensionDefinition {
  return {
    $$type: '@atrium/ExtensionDefinition',
    id: options.id,
    kind: options.kind,
    namespace: options.namespace,
    name: options.name,
    attachTo: options.attachTo,
    disabled: options.disabled ?? false,
    inputs: (options.inputs ?? {}) as Record<string, AnyExtensionInput>,
    output: options.output,
    configSchema: options.config,
    // The kernel checks inputs and config against the declared shapes before calling.
    factory: (context) =>
      options.factory(context as ExtensionFactoryContext<TConfig, TInputs>) as Record<string, unknown>,
  };
}
