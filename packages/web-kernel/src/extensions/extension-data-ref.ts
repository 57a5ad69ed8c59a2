/**
 * A typed key for a piece of data an extension outputs (a React element, a route path, a
 * nav item...). Inputs ask for data by these refs, so a parent knows what a child gives.
 */
export interface ExtensionDataRef<TData, TIsOptional extends boolean = false> {
  readonly $$type: '@atrium/ExtensionDataRef';
  readonly id: string;
  readonly isOptional: TIsOptional;
  /** Carries the data type only; never set at run time. */
  readonly T?: TData;
  /** The same ref, marked as data an extension may leave out. */
  optional(): ExtensionDataRef<TData, true>;
}

/** Any data ref, whatever its type. */
export type AnyExtensionDataRef = ExtensionDataRef<unknown, boolean>;

/** Named data refs: an extension's outputs, or what an input asks of each child. */
export type ExtensionDataRefs = Record<string, AnyExtensionDataRef>;

type DataOf<TRef> = TRef extends ExtensionDataRef<infer TData, boolean> ? TData : never;
type RequiredKeys<TRefs extends ExtensionDataRefs> = {
  [K in keyof TRefs]: TRefs[K]['isOptional'] extends true ? never : K;
}[keyof TRefs];
type OptionalKeys<TRefs extends ExtensionDataRefs> = Exclude<keyof TRefs, RequiredKeys<TRefs>>;

/** The values for a set of data refs, by the same names; optional refs may be missing. */
export type ExtensionDataValues<TRefs extends ExtensionDataRefs> = {
  [K in RequiredKeys<TRefs>]: DataOf<TRefs[K]>;
} & {
  [K in OptionalKeys<TRefs>]?: DataOf<TRefs[K]>;
};

function makeRef<TData, TIsOptional extends boolean>(
  id: string,
  isOptional: TIsOptional,
): ExtensionDataRef<TData, TIsOptional> {
  return {
    $$type: '@atrium/ExtensionDataRef',
    id,
    isOptional,
    optional: () => makeRef<TData, true>(id, true),
    toString: () => `ExtensionDataRef{${id}}`,
  } as ExtensionDataRef<TData, TIsOptional>;
}

/**
 * Declares a kind of extension data, identified by a dotted id.
 *
 * @example
 * const entityFilterData = defineExtensionDataRef<(entity: EntityLike) => boolean>('entity.filter');
 */
export function defineExtensionDataRef<TData>(id: string): ExtensionDataRef<TData> {
  return makeRef<TData, false>(id, false);
}
