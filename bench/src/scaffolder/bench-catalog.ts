import { coreServices, definePlugin } from '@atrium/kernel';
import { z } from 'zod';

type Entity = { kind: string; metadata: { name: string; namespace?: string } };

/**
 * A stand-in catalog for the scaffolder benchmark: serves the entities listed in config
 * (`catalog.benchEntities`) by name, so task creation measures the scaffolder rather
 * than catalog ingestion.
 */
export const benchCatalogPlugin = definePlugin({
  id: 'catalog',
  config: z
    .object({
      benchEntities: z.array(z.record(z.string(), z.unknown())).default([]),
      allowedFileRoots: z.array(z.string()).default([]),
    })
    .prefault({}),
  // The skeletons the templates fetch are readable, as under the real catalog's setting.
  fileRoots: (config) => [{ setting: 'catalog.allowedFileRoots', paths: config.allowedFileRoots }],
  deps: { http: coreServices.httpRouter },
  init({ deps, config }) {
    const key = (kind: string, namespace: string, name: string) =>
      `${kind}:${namespace}/${name}`.toLowerCase();
    const entities = new Map(
      (config.benchEntities as Entity[]).map((e) => [
        key(e.kind, e.metadata.namespace ?? 'default', e.metadata.name),
        e,
      ]),
    );
    deps.http.useFastify((app) => {
      app.get<{ Params: { kind: string; namespace: string; name: string } }>(
        '/entities/by-name/:kind/:namespace/:name',
        async (request, reply) => {
          const { kind, namespace, name } = request.params;
          const entity = entities.get(key(kind, namespace, name));
          return entity ?? reply.code(404).send({ error: { name: 'NotFoundError', message: 'not found' } });
        },
      );
      // The scaffolder reads templates (and checks that the caller may) in batches by ref.
      app.post<{ Body: { entityRefs: string[] } }>('/entities/by-refs', async (request) => ({
        items: request.body.entityRefs.map((ref) => entities.get(ref.toLowerCase()) ?? null),
      }));
    });
  },
});

export default benchCatalogPlugin;
