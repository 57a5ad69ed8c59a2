import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_ORPHAN,
  ANNOTATION_VIEW_URL,
  type Entity,
  type EntityRelation,
  type EntityStatusItem,
  isSafeLinkUrl,
} from '@atrium/catalog-model';
import { contentHash } from '../processing/content-hash.js';
import type { SerializedError } from '../processing/processing-types.js';

/** The status item type of processing errors, as Backstage clients look for it. */
export const PROCESSING_STATUS_TYPE = 'backstage.io/catalog-processing';

/** What a rejected view/edit URL is replaced with. */
export const REJECTED_URL = 'https://atrium.invalid/annotation-rejected-for-security-reasons';

/** The inputs of one stitch. */
export interface StitchInput {
  processedJson: string;
  errorsJson: string | null;
  uid: string;
  relations: Array<{ type: string; target: string }>;
  isOrphan: boolean;
}

function sortedRelations(rows: StitchInput['relations']): EntityRelation[] {
  const unique = new Map<string, EntityRelation>();
  for (const row of rows)
    unique.set(`${row.type}\u0000${row.target}`, { type: row.type, targetRef: row.target });
  return [...unique.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, relation]) => relation);
}

function statusItems(errorsJson: string | null): EntityStatusItem[] {
  if (!errorsJson) return [];
  const errors = JSON.parse(errorsJson) as SerializedError[];
  return errors.map((error) => ({
    type: PROCESSING_STATUS_TYPE,
    level: 'error',
    message: `${error.name}: ${error.message}`,
    error: error as EntityStatusItem['error'],
  }));
}

/**
 * Builds the served entity: the processed entity with every relation whose source it is
 * (sorted by type, then target), the orphan annotation, processing errors as
 * `status.items`, unsafe view/edit URLs replaced, then `metadata.uid` and an etag that
 * is the hash of everything else (kept when the source set its own).
 *
 * @example
 * const { json, hash } = stitchEntity({ processedJson, errorsJson: null, uid, relations, isOrphan: false });
 */
export function stitchEntity(input: StitchInput): { entity: Entity; json: string; hash: string } {
  const entity = JSON.parse(input.processedJson) as Entity;
  const annotations = { ...entity.metadata.annotations };
  if (input.isOrphan) annotations[ANNOTATION_ORPHAN] = 'true';
  for (const key of [ANNOTATION_VIEW_URL, ANNOTATION_EDIT_URL]) {
    const value = annotations[key];
    if (value !== undefined && !isSafeLinkUrl(value)) annotations[key] = REJECTED_URL;
  }
  if (Object.keys(annotations).length > 0) entity.metadata.annotations = annotations;
  entity.relations = sortedRelations(input.relations);
  const items = statusItems(input.errorsJson);
  if (items.length > 0)
    entity.status = { ...entity.status, items: [...(entity.status?.items ?? []), ...items] };
  const hash = contentHash(JSON.stringify(entity));
  entity.metadata.uid = input.uid;
  entity.metadata.etag ??= hash;
  return { entity, json: JSON.stringify(entity), hash };
}
