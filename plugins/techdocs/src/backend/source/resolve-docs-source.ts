import { pathToFileURL } from 'node:url';
import {
  ANNOTATION_MANAGED_BY_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_TECHDOCS_REF,
  type Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@atrium/catalog-model';
import { InputError, NotImplementedError } from '@atrium/errors';
import type { UrlReaderService } from '@atrium/kernel';

/** Where an entity's docs are read from, in Backstage's `locationMetadata` shape. */
export interface DocsLocation {
  type: 'dir' | 'url';
  /** An absolute URL of the folder holding mkdocs.yml. */
  target: string;
}

function locationUrl(annotation: string, entityRef: string, name: string): string {
  const { type, target } = parseLocationRef(annotation);
  if (type === 'file') return pathToFileURL(target).href;
  if (type === 'url') return new URL(target).href;
  throw new InputError(
    `${entityRef}: ${name} '${annotation}' has type '${type}'; only file: and url: locations are read`,
  );
}

function baseLocationOf(entity: Entity, entityRef: string): string {
  const annotations = entity.metadata.annotations ?? {};
  const source = annotations[ANNOTATION_SOURCE_LOCATION];
  if (source) return locationUrl(source, entityRef, ANNOTATION_SOURCE_LOCATION);
  const managed = annotations[ANNOTATION_MANAGED_BY_LOCATION];
  if (managed) return locationUrl(managed, entityRef, ANNOTATION_MANAGED_BY_LOCATION);
  throw new InputError(
    `${entityRef}: techdocs-ref 'dir:' is relative to the entity's location, but the entity has no ${ANNOTATION_SOURCE_LOCATION} or ${ANNOTATION_MANAGED_BY_LOCATION} annotation`,
  );
}

/**
 * Resolves `backstage.io/techdocs-ref` to the folder to read: `dir:<path>` relative to the
 * entity's source location (or the location it was read from), through the URL reader's
 * target rule, so it cannot leave that location's base; `url:<folder URL>` as given. Either
 * is checked against the reader's rules (file roots, `backend.reading.allow`) before reading.
 *
 * @example
 * await resolveDocsSource(entity, urlReader); // { type: 'dir', target: 'file:///srv/repos/shop/' }
 */
export async function resolveDocsSource(entity: Entity, urlReader: UrlReaderService): Promise<DocsLocation> {
  const entityRef = stringifyEntityRef(entity);
  const ref = entity.metadata.annotations?.[ANNOTATION_TECHDOCS_REF];
  if (!ref)
    throw new InputError(`${entityRef} has no ${ANNOTATION_TECHDOCS_REF} annotation, so it has no docs`);
  const { type, target } = parseLocationRef(ref);
  let url: string;
  if (type === 'dir') {
    const base = baseLocationOf(entity, entityRef);
    url = urlReader.resolveTarget(base, target.endsWith('/') ? target : `${target}/`);
  } else if (type === 'url') {
    url = new URL(target).href;
  } else {
    throw new InputError(
      `${entityRef}: ${ANNOTATION_TECHDOCS_REF} '${ref}' must start with 'dir:' or 'url:'`,
    );
  }
  await urlReader.check(url);
  if (!url.startsWith('file:'))
    throw new NotImplementedError(
      `${entityRef}: docs at '${url}' cannot be built yet: Atrium reads a docs tree from local folders (dir: beside a file location, or a file: URL); publish them to a readable folder`,
    );
  return { type: type as 'dir' | 'url', target: url.endsWith('/') ? url : `${url}/` };
}
