import {
  ANNOTATION_MANAGED_BY_LOCATION,
  type Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@atrium/catalog-model';
import { InputError, NotAllowedError } from '@atrium/errors';
import type { UrlReaderService } from '@atrium/kernel';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import type { CatalogClient } from '../../catalog/catalog-client.js';
import { escapingReferences } from '../../catalog/escaping-references.js';
import { type PublishedLocation, publishedLocation } from '../../catalog/published-location.js';
import { resolveInsideRepository } from '../../catalog/repository-base.js';
import { createTemplateAction, type TemplateAction } from '../template-action.js';

/** The entity `catalog:register` reports: the first non-generated Component, else the first non-generated entity. */
function pickRegisteredEntity(entities: readonly Entity[]): Entity | undefined {
  const real = entities.filter((e) => !e.metadata.name.startsWith('generated-'));
  return real.find((e) => e.kind.toLowerCase() === 'component') ?? real[0] ?? entities[0];
}

async function readDocuments(urlReader: UrlReaderService, published: PublishedLocation): Promise<unknown[]> {
  const text = (await (await urlReader.readUrl(published.readerUrl)).buffer()).toString('utf8');
  const documents = parseAllDocuments(text);
  const list = Array.isArray(documents) ? documents : [documents];
  const broken = list.find((document) => document.errors.length > 0);
  if (broken) throw new InputError(`${published.url} is not valid YAML: ${broken.errors[0]!.message}`);
  return list.map((document) => document.toJS() as unknown);
}

function refusal(published: PublishedLocation, what: string): NotAllowedError {
  return new NotAllowedError(
    `catalog:register refuses ${published.url}: ${what} outside the published repository (${published.repository.label}); a registered file may only point at files of its own repository`,
  );
}

// The file as written: placeholders and child locations must stay in the repository.
function checkReferences(published: PublishedLocation, documents: unknown[]): NotAllowedError | undefined {
  const [first] = escapingReferences(documents, published.repository, published.readerUrl);
  return first ? refusal(published, `${first.at} '${first.target}' points`) : undefined;
}

// What the catalog would make of it: every entity must come from inside the repository.
function checkEntities(published: PublishedLocation, entities: Entity[]): NotAllowedError | undefined {
  for (const entity of entities) {
    const ref = entity.metadata.annotations?.[ANNOTATION_MANAGED_BY_LOCATION];
    if (!ref) continue;
    const { type, target } = parseLocationRef(ref);
    const inside =
      type === published.repository.type &&
      resolveInsideRepository(published.repository, target, published.readerUrl) !== undefined;
    if (!inside) return refusal(published, `entity '${stringifyEntityRef(entity)}' comes from ${ref},`);
  }
  return undefined;
}

/**
 * `catalog:register`: registers a catalog-info file as a catalog location, as the
 * initiating user. Before registering it reads the file and dry-runs it through the
 * catalog, and refuses it when a placeholder, a child location or a produced entity
 * points outside the published repository.
 */
export function createCatalogRegisterAction(
  catalog: CatalogClient,
  urlReader: UrlReaderService,
): TemplateAction {
  return createTemplateAction({
    id: 'catalog:register',
    description: 'Registers a catalog-info.yaml file with the software catalog',
    schema: {
      input: z.union([
        z.object({ catalogInfoUrl: z.string().min(1), optional: z.boolean().optional() }),
        z.object({
          repoContentsUrl: z.string().min(1),
          catalogInfoPath: z
            .string()
            .optional()
            .describe('Path inside the repository; default /catalog-info.yaml'),
          optional: z.boolean().optional(),
        }),
      ]),
      output: z.object({ entityRef: z.string().optional(), catalogInfoUrl: z.string() }),
    },
    async handler(ctx) {
      const published = publishedLocation(urlReader, ctx.input);
      const credentials = await ctx.getInitiatorCredentials();
      ctx.logger.info(`Registering ${published.url} in the catalog as a ${published.location.type} location`);
      let refused: NotAllowedError | undefined;
      try {
        refused = checkReferences(published, await readDocuments(urlReader, published));
        if (!refused) {
          const dryRun = await catalog.addLocation(published.location, { dryRun: true, credentials });
          refused = checkEntities(published, dryRun.entities);
          if (!refused) {
            await catalog.addLocation(published.location, { credentials });
            const entity = pickRegisteredEntity(dryRun.entities);
            if (entity) ctx.output('entityRef', stringifyEntityRef(entity));
          }
        }
      } catch (error) {
        if (!ctx.input.optional) throw error;
        ctx.logger.warn(
          `Could not register ${published.url} (optional, so the step goes on): ${(error as Error).message}`,
        );
      }
      // Not a failure `optional` forgives: the file itself is not acceptable.
      if (refused) throw refused;
      ctx.output('catalogInfoUrl', published.url);
    },
  });
}
