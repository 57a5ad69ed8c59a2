/** An error as stored with an entity and served in `status.items[].error`. */
export interface SerializedError {
  name: string;
  message: string;
  [key: string]: unknown;
}

/** A relation row: both ends as canonical (lowercased) refs. */
export interface RelationRow {
  source: string;
  type: string;
  target: string;
}

/** A child entity ready to be stored as unprocessed. */
export interface ChildEntity {
  ref: string;
  /** The unprocessed entity, serialized with its location annotations. */
  json: string;
  hash: string;
  locationKey: string | null;
}

/**
 * Which of a parent's existing children the new output replaces. Children are grouped by
 * their location key (the file they came from): `fresh` keys were read again and their
 * children are exactly those emitted now; `removed` keys are gone; any other key is
 * kept as stored (unchanged or unreadable files must not lose their entities).
 * `complete` means the emitted children are the parent's whole set.
 */
export interface ChildScopes {
  fresh: string[];
  removed: string[];
  complete: boolean;
}

/** What processing one entity produced. */
export interface ProcessingOutcome {
  /** False when the entity itself failed: its previous output stays as it was. */
  ok: boolean;
  errors: SerializedError[];
  processedJson?: string;
  relations: RelationRow[];
  children: ChildEntity[];
  /** Refs of children already stored (with their edges) while the location was read. */
  streamed: string[];
  scopes: ChildScopes;
  refreshKeys: string[];
  /** Hash of processed entity, relations and refresh keys; equal means nothing to write. */
  resultHash?: string;
  /** Processor caches and file etags, stored with the entity. */
  cacheJson: string | null;
  /** The previous run emitted children (a complete parent must then list its old ones). */
  hadChildren: boolean;
  /**
   * The result depends on the unprocessed entity alone (built-in processors only, no
   * placeholders, no location reads, no errors): until it changes, processing it again
   * could not change anything, so it is not scheduled again.
   */
  pure: boolean;
}
