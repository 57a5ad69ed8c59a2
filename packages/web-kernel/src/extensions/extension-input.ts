import type { ExtensionDataRefs, ExtensionDataValues } from './extension-data-ref.js';

/** A named slot of an extension that children attach to, with the data it needs from each. */
export interface ExtensionInput<
  TData extends ExtensionDataRefs,
  TIsSingleton extends boolean = false,
  TIsOptional extends boolean = false,
> {
  readonly $$type: '@atrium/ExtensionInput';
  readonly data: TData;
  /** Takes exactly one child (or at most one when optional). */
  readonly isSingleton: TIsSingleton;
  /** A singleton input that may stay empty. */
  readonly isOptional: TIsOptional;
}

/** Any input, whatever its data. */
export type AnyExtensionInput = ExtensionInput<ExtensionDataRefs, boolean, boolean>;

/**
 * The inputs of an extension, by name. Only the brand is constrained: a constraint that
 * mentions `isSingleton: boolean` would make TypeScript infer `boolean` instead of `true`
 * for `defineExtensionInput(..., { singleton: true })` written inline.
 */
export type ExtensionInputs = Record<string, { readonly $$type: '@atrium/ExtensionInput' }>;

/** What a factory receives for one attached child: its id and the data the input asked for. */
export interface ExtensionInputItem<TData extends ExtensionDataRefs> {
  /** Id of the child extension, e.g. for React keys and error messages. */
  id: string;
  output: ExtensionDataValues<TData>;
}

/** The children of each input as a factory sees them: a list, one item, or maybe one. */
export type ResolvedExtensionInputs<TInputs extends ExtensionInputs> = {
  [K in keyof TInputs]: TInputs[K] extends ExtensionInput<infer TData, infer TIsSingleton, infer TIsOptional>
    ? TIsSingleton extends true
      ? TIsOptional extends true
        ? ExtensionInputItem<TData> | undefined
        : ExtensionInputItem<TData>
      : ExtensionInputItem<TData>[]
    : never;
};

/** Options of {@link defineExtensionInput}. */
export interface ExtensionInputOptions<TIsSingleton extends boolean, TIsOptional extends boolean> {
  singleton?: TIsSingleton;
  optional?: TIsOptional;
}

/**
 * Declares an input: which data each attached child must output, and how many children.
 *
 * @example
 * const tabs = defineExtensionInput({ path: coreExtensionData.routePath, element: coreExtensionData.reactElement });
 */
export function defineExtensionInput<
  TData extends ExtensionDataRefs,
  TIsSingleton extends boolean = false,
  TIsOptional extends boolean = false,
>(
  data: TData,
  options: ExtensionInputOptions<TIsSingleton, TIsOptional> = {},
): ExtensionInput<TData, TIsSingleton, TIsOptional> {
  return {
    $$type: '@atrium/ExtensionInput',
    data,
    isSingleton: (options.singleton ?? false) as TIsSingleton,
    isOptional: (options.optional ?? false) as TIsOptional,
  };
}
