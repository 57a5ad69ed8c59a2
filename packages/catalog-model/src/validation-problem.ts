/** One thing wrong with an entity: the field path (e.g. `spec.owner`) and a readable message. */
export type ValidationProblem = {
  /** Dotted path of the field, with `[n]` for array items; `''` for the entity itself. */
  path: string;
  /** The message, naming the path and the rule broken. */
  message: string;
};
