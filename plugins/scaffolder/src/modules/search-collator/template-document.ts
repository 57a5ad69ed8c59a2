import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import type { IndexableDocument } from '@atrium/search/common';

/** The search document of a software template (type `software-template`). */
export interface TemplateDocument extends IndexableDocument {
  kind: 'Template';
  namespace: string;
  name: string;
  /** The template's `spec.type` (`service`, `website`...). */
  type: string;
  owner: string;
  tags: string[];
  /** The titles of the form's steps and fields, so "repository name" finds the template asking it. */
  parameterTitles: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const titleOf = (value: unknown): string[] =>
  isRecord(value) && typeof value.title === 'string' && value.title.trim() !== '' ? [value.title] : [];

// `spec.parameters` is one JSON schema or a list of steps; each has a title and titled properties.
function parameterTitles(parameters: unknown): string[] {
  const steps = Array.isArray(parameters) ? parameters : [parameters];
  const titles = steps.flatMap((step) => [
    ...titleOf(step),
    ...(isRecord(step) && isRecord(step.properties) ? Object.values(step.properties).flatMap(titleOf) : []),
  ]);
  return [...new Set(titles)].slice(0, 200);
}

const specString = (spec: Record<string, unknown>, key: string) =>
  typeof spec[key] === 'string' ? (spec[key] as string) : '';

/**
 * A template's document: title, description, tags and its form's titles; located at the
 * template's run page; checked with `catalog.entity.read` against the template entity.
 *
 * @example
 * templateToDocument(template).location; // '/create/templates/default/node-service'
 */
export function templateToDocument(entity: Entity): TemplateDocument {
  const spec = isRecord(entity.spec) ? entity.spec : {};
  const namespace = entity.metadata.namespace ?? 'default';
  const titles = parameterTitles(spec.parameters);
  return {
    title: entity.metadata.title ?? entity.metadata.name,
    text: [entity.metadata.description ?? '', ...titles].filter(Boolean).join('\n'),
    location: `/create/templates/${encodeURIComponent(namespace)}/${encodeURIComponent(entity.metadata.name)}`,
    authorization: { resourceRef: stringifyEntityRef(entity) },
    kind: 'Template',
    namespace,
    name: entity.metadata.name,
    type: specString(spec, 'type'),
    owner: specString(spec, 'owner'),
    tags: entity.metadata.tags ?? [],
    parameterTitles: titles,
  };
}
