/** A value that survives `JSON.stringify`/`JSON.parse` unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object, e.g. a template context such as `{ parameters, steps, user }`. */
export type JsonObject = { [key: string]: JsonValue };

/** A rendered value: `undefined` where a template rendered to nothing (the key is omitted). */
export type RenderedValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | RenderedValue[]
  | { [key: string]: RenderedValue };
