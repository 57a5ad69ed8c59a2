import type { CatalogApi } from '@atrium/catalog/frontend';
import { parseEntityRef } from '@atrium/catalog-model';
import { InputError, ResponseError } from '@atrium/errors';
import { stringify } from 'yaml';
import type { JsonObject } from '../../common/index.js';
import type { ScaffolderApi } from '../api/scaffolder-api.js';
import { decodeBase64 } from './base64.js';
import type { EditorFile } from './skeleton-files.js';

/** A template loaded from the catalog: its YAML and the files its fetch steps read. */
export interface LoadedTemplate {
  yaml: string;
  files: EditorFile[];
  /** Fetch URLs whose files could not be loaded, with the reason (from the server). */
  unread: Array<{ stepId: string; url: string; reason: string }>;
  /** Why no files could be loaded at all (e.g. the template tools are not allowed). */
  filesError?: unknown;
}

// The template as an author wrote it: without the fields the catalog adds.
function templateYaml(entity: JsonObject): string {
  const { relations: _relations, status: _status, ...rest } = entity;
  const metadata = { ...((rest.metadata as JsonObject | undefined) ?? {}) };
  for (const key of ['uid', 'etag', 'generation']) delete metadata[key];
  return stringify({ ...rest, metadata });
}

/**
 * Reads a template from the catalog by ref, and its skeleton files from the scaffolder
 * (read on the server from the template's location), so a dry run renders the real files.
 *
 * @example
 * const { yaml, files } = await loadTemplate(catalog, scaffolder, 'template:default/node-service');
 */
export async function loadTemplate(
  catalog: CatalogApi,
  scaffolder: ScaffolderApi,
  ref: string,
): Promise<LoadedTemplate> {
  const { kind, namespace, name } = parseEntityRef(ref.trim(), { defaultKind: 'template' });
  const params = { kind, namespace, name };
  const entity = await catalog.getEntityByName({ params }).catch((error) => {
    if (!(error instanceof ResponseError && error.statusCode === 404)) throw error;
    throw new InputError(`No template '${ref.trim()}' in the catalog.`);
  });
  const yaml = templateYaml(entity as unknown as JsonObject);
  try {
    const answer = await scaffolder.getTemplateFiles({ params });
    const files = answer.files.map((file) => {
      const text = decodeBase64(file.base64Content);
      return text === undefined
        ? { path: file.path, content: '', binaryBase64: file.base64Content }
        : { path: file.path, content: text };
    });
    return { yaml, files, unread: answer.unread };
  } catch (error) {
    return { yaml, files: [], unread: [], filesError: error };
  }
}
