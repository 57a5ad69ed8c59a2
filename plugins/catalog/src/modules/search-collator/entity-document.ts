import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import type { IndexableDocument } from '@atrium/search/common';

/** The document of one entity, in Backstage's CatalogEntityDocument shape (plus name, tags). */
export interface CatalogEntityDocument extends IndexableDocument {
  kind: string;
  namespace: string;
  name: string;
  type: string;
  componentType: string;
  lifecycle: string;
  owner: string;
  tags: string[];
}

const lower = (value: string) => value.toLocaleLowerCase('en-US');

// The paths of an OpenAPI definition ("/pets/{id}:" in YAML, "/pets/{id}": in JSON), so an
// API is found by the paths it serves; other definitions add nothing.
function apiPaths(definition: unknown): string[] {
  if (typeof definition !== 'string') return [];
  const paths = definition.matchAll(/^\s{2,4}["']?(\/[^\s"':]*)["']?\s*:/gm);
  return [...new Set([...paths].map((match) => match[1]!))].slice(0, 500);
}

function specString(entity: Entity, key: string): string {
  const value = (entity.spec as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : '';
}

/**
 * The search document of an entity: title and description, where its page is, who owns
 * it, and the ref that search checks `catalog.entity.read` against.
 *
 * @example
 * entityToDocument(entity).location; // '/catalog/default/component/petstore'
 */
export function entityToDocument(entity: Entity): CatalogEntityDocument {
  const { metadata } = entity;
  const namespace = metadata.namespace ?? 'default';
  const type = specString(entity, 'type');
  const paths = entity.kind === 'API' ? apiPaths((entity.spec as Record<string, unknown>).definition) : [];
  const text = [metadata.description ?? '', ...paths].filter(Boolean).join('\n');
  return {
    title: metadata.title ?? metadata.name,
    text,
    location: `/catalog/${[lower(namespace), lower(entity.kind), metadata.name].map(encodeURIComponent).join('/')}`,
    authorization: { resourceRef: stringifyEntityRef(entity) },
    kind: entity.kind,
    namespace,
    name: metadata.name,
    type,
    componentType: type || 'other',
    lifecycle: specString(entity, 'lifecycle'),
    owner: specString(entity, 'owner'),
    tags: metadata.tags ?? [],
  };
}
