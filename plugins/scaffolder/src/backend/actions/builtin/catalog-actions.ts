import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ANNOTATION_SOURCE_TEMPLATE, parseEntityRef, stringifyEntityRef } from '@atrium/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@atrium/errors';
import { stringify as toYaml } from 'yaml';
import { z } from 'zod';
import type { JsonValue } from '../../../common/index.js';
import type { CatalogClient } from '../../catalog/catalog-client.js';
import { escapingReferences } from '../../catalog/escaping-references.js';
import { workspaceRepository } from '../../catalog/repository-base.js';
import { writeWorkspaceFile } from '../../files/write-files.js';
import { createTemplateAction, type TemplateAction } from '../template-action.js';

/**
 * `catalog:write`: writes an entity as YAML into the workspace, marked with the template
 * that made it; refuses placeholders and child location targets outside the workspace.
 */
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
      // The file is read by the catalog once published: what it points at must be in the workspace.
      const file = pathToFileURL(resolve(ctx.workspacePath, ctx.input.filePath)).href;
      const [escaping] = escapingReferences([entity], workspaceRepository(ctx.workspacePath), file);
      if (escaping) {
        throw new NotAllowedError(
          `input.entity ${escaping.at.replace(/^document 1 at /, '')} '${escaping.target}' points outside the workspace; an entity may only point at files published with it`,
        );
      }
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
