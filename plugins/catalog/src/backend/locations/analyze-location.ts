import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { InputError } from '@atrium/errors';
import { sql } from '@atrium/kernel';
import type { AnalyzeLocationResponse } from '../../common/catalog-types.js';
import { readerUrlOf } from '../processing/resolve-target.js';
import type { CatalogServices } from '../routes/catalog-services.js';
import { checkLocationSpec } from './register-location.js';

function descriptorTarget(type: string, target: string, fileName: string): string {
  if (/\.ya?ml$/i.test(target)) return target;
  if (type !== 'url') return `${target.replace(/\/$/, '')}/${fileName}`;
  const url = new URL(target);
  const parts = url.pathname.split('/').filter(Boolean);
  // A bare GitHub-style repository URL: look on the default branch.
  if (parts.length === 2) url.pathname = `/${parts.join('/')}/blob/HEAD/${fileName}`;
  else url.pathname = `${url.pathname.replace(/\/$/, '')}/${fileName}`;
  return url.href;
}

function suggestedName(target: string): string {
  const last = target.replace(/\/+$/, '').split('/').pop() ?? 'component';
  const name = last
    .replace(/\.git$/, '')
    .replace(/[^A-Za-z0-9_.-]/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return name.slice(0, 63) || 'component';
}

function generated(target: string): AnalyzeLocationResponse['generateEntities'] {
  const name = suggestedName(target);
  return [
    {
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name },
        spec: { type: 'other', lifecycle: 'unknown' },
      },
      fields: [
        {
          field: 'metadata.name',
          state: 'analysisSuggestedValue',
          value: name,
          description: 'The name of the component, from the repository name',
        },
        {
          field: 'spec.owner',
          state: 'needsUserInput',
          value: null,
          description: 'The group or user that owns the component',
        },
      ],
    },
  ];
}

/**
 * Looks at a location before it is registered (`POST /analyze-location`): the entities of
 * its descriptor file (and whether they are in the catalog already), or, when there is
 * no descriptor, a Component to generate with the fields the user must fill in.
 *
 * @example
 * await analyzeLocation(services, { location: { type: 'url', target: 'https://github.com/org/repo' } });
 */
export async function analyzeLocation(
  services: Pick<CatalogServices, 'sql' | 'context' | 'config'>,
  request: { location: { type: string; target: string }; catalogFilename?: string; catalogFileName?: string },
): Promise<AnalyzeLocationResponse> {
  const { context } = services;
  const { type } = request.location;
  if (type === 'url' && !URL.canParse(request.location.target))
    throw new InputError('The given location.target is not a URL');
  // Analysis reads what registration would: the same rule, checked before anything is read.
  const target = await checkLocationSpec(services, type, request.location.target);
  const file = descriptorTarget(
    type,
    target,
    request.catalogFilename ?? request.catalogFileName ?? 'catalog-info.yaml',
  );
  const location = { type, target: await checkLocationSpec(services, type, file) };
  let data: Buffer;
  try {
    data = await (await context.urlReader.readUrl(readerUrlOf(location))).buffer();
  } catch (error) {
    if ((error as Error).name === 'NotFoundError')
      return { existingEntityFiles: [], generateEntities: generated(target) };
    throw error;
  }
  const existingEntityFiles: AnalyzeLocationResponse['existingEntityFiles'] = [];
  for await (const result of context.parser({ data, location })) {
    if (result.type === 'error') throw new InputError(result.error.message);
    if (result.type !== 'entity') continue;
    const entity = result.entity as Entity;
    const [row] = await services.sql.all(
      sql<{
        n: number;
      }>`SELECT count(*) AS n FROM final_entities WHERE entity_ref = ${stringifyEntityRef(entity)}`,
    );
    existingEntityFiles.push({ entity, isRegistered: Number(row?.n ?? 0) > 0, location });
  }
  return { existingEntityFiles, generateEntities: [] };
}
