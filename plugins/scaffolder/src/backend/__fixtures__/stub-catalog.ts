import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity } from '@atrium/catalog-model';
import { coreServices, definePlugin } from '@atrium/kernel';
import { parse } from 'yaml';

type Location = { id: string; type: string; target: string; entityRef: string };

/**
 * A minimal catalog (by-name, by-refs, locations) serving fixed entities. Tests on
 * PostgreSQL use it while the real catalog cannot ingest on PostgreSQL (see
 * `REAL_CATALOG_ON_POSTGRES`); it adds the managed-by-location annotation the real
 * catalog would.
 */
export function createStubCatalog(entities: Array<{ entity: Entity; file: string }>) {
  const key = (kind: string, namespace: string, name: string) => `${kind}:${namespace}/${name}`.toLowerCase();
  const byRef = new Map<string, Entity>();
  for (const { entity, file } of entities) {
    const annotations = {
      ...entity.metadata.annotations,
      'backstage.io/managed-by-location': `file:${file}`,
    };
    const served = { ...entity, metadata: { ...entity.metadata, annotations } };
    byRef.set(key(entity.kind, entity.metadata.namespace ?? 'default', entity.metadata.name), served);
  }
  const locations: Location[] = [];
  return definePlugin({
    id: 'catalog',
    // Like the real catalog, the folders of its (config) entity files are readable.
    fileRoots: () => [
      {
        setting: 'directories of catalog.locations',
        paths: [...new Set(entities.map((e) => dirname(e.file)))],
      },
    ],
    deps: { http: coreServices.httpRouter },
    init({ deps }) {
      // biome-ignore lint/correctness/useHookAtTopLevel: the kernel's router method
      deps.http.useFastify((app) => {
        app.get<{ Params: { kind: string; namespace: string; name: string } }>(
          '/entities/by-name/:kind/:namespace/:name',
          async (request, reply) => {
            const { kind, namespace, name } = request.params;
            const entity = byRef.get(key(kind, namespace, name));
            return entity ?? reply.code(404).send({ error: { name: 'NotFoundError', message: 'not found' } });
          },
        );
        app.post<{ Body: { entityRefs: string[] } }>('/entities/by-refs', async (request) => ({
          items: request.body.entityRefs.map((ref) => byRef.get(ref.toLowerCase()) ?? null),
        }));
        app.get('/locations', async () => locations.map((data) => ({ data })));
        app.post<{ Body: { type: string; target: string }; Querystring: { dryRun?: string } }>(
          '/locations',
          async (request, reply) => {
            const id = `loc-${locations.length + 1}`;
            const location = { id, ...request.body, entityRef: `location:default/generated-${id}` };
            if (request.query.dryRun !== 'true') {
              locations.push(location);
              return reply.code(201).send({ location, entities: [] });
            }
            // A dry run reads the descriptor, as the real catalog processes it in memory.
            const { type, target } = request.body;
            const path = type === 'file' ? target : fileURLToPath(target);
            const entity = parse(await readFile(path, 'utf8')) as Entity;
            return reply.code(201).send({ exists: true, location, entities: [entity] });
          },
        );
      });
    },
  });
}
