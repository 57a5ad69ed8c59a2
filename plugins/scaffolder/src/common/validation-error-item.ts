/**
 * One problem of a 400 `{ errors }` answer (template values, secrets or a dry-run
 * template), in the shape Backstage's clients read (the `jsonschema` library's).
 */
export interface ValidationErrorItem {
  path: Array<string | number>;
  /** Where the problem is, e.g. `instance.name` or `secrets.token`. */
  property: string;
  message: string;
  schema: unknown;
  instance: unknown;
  name: string;
  argument: unknown;
  stack: string;
}
