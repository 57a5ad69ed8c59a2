import { defineExtensionDataRef } from '@atrium/web-kernel';
import { z } from 'zod';

/** The parts of a catalog entity that extension filters and entity cards rely on. */
export interface EntityLike {
  apiVersion?: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    title?: string;
    description?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
    tags?: string[];
  };
  spec?: Record<string, unknown>;
}

/** Decides whether an entity tab or card shows for an entity. */
export type EntityPredicate = (entity: EntityLike) => boolean;

/** A filter that config can express: entity kinds and `spec.type`s (case-insensitive). */
export interface EntityFilterSpec {
  kind?: string | string[];
  type?: string | string[];
}

/** A predicate in code, or a {@link EntityFilterSpec} such as `{ kind: 'API' }`. */
export type EntityFilter = EntityPredicate | EntityFilterSpec;

/** Zod schema of {@link EntityFilterSpec}, for blueprint config. */
export const entityFilterSpecSchema = z
  .object({
    kind: z.union([z.string(), z.array(z.string())]).optional(),
    type: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();

const lowerList = (value: string | string[] | undefined) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map((v) => v.toLowerCase());

/**
 * Turns a filter into a predicate; no filter matches every entity.
 *
 * @example
 * toEntityPredicate({ kind: 'API' })({ kind: 'API', metadata: { name: 'petstore' } }); // true
 */
export function toEntityPredicate(filter: EntityFilter | undefined): EntityPredicate {
  if (filter === undefined) return () => true;
  if (typeof filter === 'function') return filter;
  const kinds = lowerList(filter.kind);
  const types = lowerList(filter.type);
  return (entity) => {
    if (kinds && !kinds.includes(entity.kind.toLowerCase())) return false;
    const type = entity.spec?.type;
    if (types && !(typeof type === 'string' && types.includes(type.toLowerCase()))) return false;
    return true;
  };
}

/** Data kinds of the catalog's entity page, which entity tabs and cards output. */
export const entityExtensionData = {
  /** Which entities the tab or card is for. */
  filter: defineExtensionDataRef<EntityPredicate>('entity.filter'),
  /** The title of an entity tab. */
  title: defineExtensionDataRef<string>('entity.title'),
};
