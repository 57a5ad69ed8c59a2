/** A link shown on an entity's page, from `metadata.links`. */
export type EntityLink = {
  /** An absolute URL. */
  url: string;
  /** Display text; non-empty when given. */
  title?: string;
  /** Key of a visual icon known to the UI; non-empty when given. */
  icon?: string;
  /** What kind of link this is (e.g. `dashboard`); non-empty when given. */
  type?: string;
};

/** The `metadata` block that every entity carries, whatever its kind. */
export type EntityMeta = {
  /** Output only: stable id assigned by the catalog. */
  uid?: string;
  /** Output only: hash of the served entity; changes whenever it changes. */
  etag?: string;
  /** The entity's name, unique per kind and namespace (compared case-insensitively). */
  name: string;
  /** The namespace; `default` when absent. */
  namespace?: string;
  /** Display name; free text, never used in refs. */
  title?: string;
  /** A short one-line description. */
  description?: string;
  /** Identifying key/value pairs. */
  labels?: Record<string, string>;
  /** Non-identifying key/value pairs, such as the well-known `backstage.io/*` annotations. */
  annotations?: Record<string, string>;
  /** Classification tags such as `java` or `team:platform`. */
  tags?: string[];
  /** External links. */
  links?: EntityLink[];
  /** Metadata is open: unknown keys are kept. */
  [key: string]: unknown;
};

/** One relation as served on an entity: the type and the canonical (lowercased) target ref. */
export type EntityRelation = {
  /** Relation type, e.g. `ownedBy`; matches `^\w+$`. */
  type: string;
  /** Canonical target ref, e.g. `group:default/team-a`. */
  targetRef: string;
};

/** Severity of an entity status item. */
export type EntityStatusLevel = 'info' | 'warning' | 'error';

/** One entry of `status.items`, e.g. a processing error. */
export type EntityStatusItem = {
  /** What produced the item, e.g. `backstage.io/catalog-processing`. */
  type: string;
  /** How severe it is. */
  level: EntityStatusLevel;
  /** A human-readable message. */
  message: string;
  /** The serialized error behind the item, if any. */
  error?: { name: string; message: string; [key: string]: unknown };
};

/** Output-only status of an entity, filled in by the catalog at stitching time. */
export type EntityStatus = {
  /** Status items, processing errors among them. */
  items?: EntityStatusItem[];
};

/** An entity of any kind: the envelope shared by all catalog data. */
export type Entity = {
  /** Version of the kind's format, e.g. `backstage.io/v1alpha1`. */
  apiVersion: string;
  /** The kind, case preserved as written, e.g. `Component`. */
  kind: string;
  /** Name, namespace, labels, annotations and the rest of the metadata. */
  metadata: EntityMeta;
  /** Kind-specific data. */
  spec?: Record<string, unknown>;
  /** Output only: relations whose source is this entity. */
  relations?: EntityRelation[];
  /** Output only: processing status. */
  status?: EntityStatus;
};
