import {
  ANNOTATION_SOURCE_TEMPLATE,
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@atrium/catalog-model';
import { InputError, NotFoundError } from '@atrium/errors';
import { stringify as toYaml } from 'yaml';
import { z } from 'zod';
import type { JsonValue } from '../../../common/index.js';
import type { CatalogClient } from '../../catalog/catalog-client.js';
import { writeWorkspaceFile } from '../../files/write-files.js';
import { createTemplateAction, type TemplateAction } from '../template-action.js';

/** The entity `catalog:register` reports: the first non-generated Component, else the first non-generated entity. */
export function pickRegisteredEntity(entities: readonly Entity[]): Entity | undefined {
  const real = entities.filter((e) => !e.metadata.name.startsWith('generated-'));
  return real.find((e) => e.kind.toLowerCase() === 'component') ?? real[0] ?? entities[0];
}

function catalogInfoUrlOf(input: {
  catalogInfoUrl?: string;
  repoContentsUrl?: string;
  catalogInfoPath?: string;
}): string {
  if (input.catalogInfoUrl) return input.catalogInfoUrl;
  if (!input.repoContentsUrl)
    throw new InputError('input.catalogInfoUrl or input.repoContentsUrl is required');
  const path = (input.catalogInfoPath ?? '/catalog-info.yaml').replace(/^\/+/, '');
  return `${input.repoContentsUrl.replace(/\/+$/, '')}/${path}`;
}

/** `catalog:register`: registers a catalog-info file as a catalog location, as the initiating user. */
export function createCatalogRegisterAction(catalog: CatalogClient): TemplateAction {
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
      const target = catalogInfoUrlOf(ctx.input);
      const credentials = await ctx.getInitiatorCredentials();
      ctx.logger.info(`Registering ${target} in the catalog`);
      try {
        await catalog.addLocation({ type: 'url', target }, { credentials });
        const { entities } = await catalog.addLocation(
          { type: 'url', target },
          { dryRun: true, credentials },
        );
        const entity = pickRegisteredEntity(entities);
        if (entity) ctx.output('entityRef', stringifyEntityRef(entity));
      } catch (error) {
        if (!ctx.input.optional) throw error;
        ctx.logger.warn(
          `Could not register ${target} (optional, so the step goes on): ${(error as Error).message}`,
        );
      }
      ctx.output('catalogInfoUrl', target);
    },
  });
}

/** `catalog:write`: writes an entity as YAML into the workspace, marked with the template that made it. */
export function createCatalogWriteAction(): TemplateAction {
  return createTemplateAction({
    id: 'catalog:write',
    description: 'Writes a catalog descriptor file into the workspace',
    supportsDryRun: true,
    schema: {
      input: z.object({
        entity: z.record(z.string(), z.unknown()).describe('The entity to write'),
        filePath: z.string().default('catalog-info.yaml').describe('Workspace-relative path'),
      }),
    },
    async handler(ctx) {
      const entity = ctx.input.entity as { metadata?: { annotations?: Record<string, string> } };
      const withSource = {
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: {
            ...entity.metadata?.annotations,
            [ANNOTATION_SOURCE_TEMPLATE]: ctx.templateInfo.entityRef,
          },
        },
      };
      await writeWorkspaceFile(ctx.workspacePath, ctx.input.filePath, toYaml(withSource), {
        field: 'input.filePath',
      });
      ctx.logger.info(`Wrote ${ctx.input.filePath}`);
    },
  });
}

/** `catalog:fetch`: reads entities from the catalog, as the initiating user. */
export function createCatalogFetchAction(catalog: CatalogClient): TemplateAction {
  return createTemplateAction({
    id: 'catalog:fetch',
    description: 'Returns one entity or several entities from the catalog by ref',
    supportsDryRun: true,
    schema: {
      input: z.object({
        entityRef: z.string().optional(),
        entityRefs: z.array(z.string()).optional(),
        optional: z
          .boolean()
          .optional()
          .describe('Answer nothing instead of failing when an entity is missing'),
        defaultKind: z.string().optional(),
        defaultNamespace: z.string().optional(),
      }),
      output: z.object({
        entity: z.record(z.string(), z.unknown()).optional(),
        entities: z.array(z.unknown()).optional(),
      }),
    },
    async handler(ctx) {
      const { entityRef, entityRefs, optional, defaultKind, defaultNamespace } = ctx.input;
      if (!entityRef && !entityRefs) throw new InputError('input.entityRef or input.entityRefs is required');
      const credentials = await ctx.getInitiatorCredentials();
      const parse = (ref: string) => parseEntityRef(ref, { defaultKind, defaultNamespace });
      if (entityRef) {
        const entity = await catalog.getEntityByRef(parse(entityRef), credentials);
        if (!entity && !optional)
          throw new NotFoundError(`entity '${entityRef}' was not found in the catalog`);
        if (entity) ctx.output('entity', entity as unknown as JsonValue);
      }
      if (entityRefs) {
        const entities = await catalog.getEntitiesByRefs(
          entityRefs.map((ref) => stringifyEntityRef(parse(ref))),
          credentials,
        );
        const missing = entityRefs.filter((_, index) => !entities[index]);
        if (missing.length > 0 && !optional) {
          throw new NotFoundError(
            `entities ${missing.map((r) => `'${r}'`).join(', ')} were not found in the catalog`,
          );
        }
        ctx.output('entities', entities as unknown as JsonValue);
      }
    },
  });
}
