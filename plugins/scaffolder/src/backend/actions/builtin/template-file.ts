// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { pathToFileURL } from 'node:url';
import type { UrlReaderService } from '@atrium/kernel';
import { z } from 'zod';
import type { JsonObject } from '../../../common/index.js';
import { resolveSafeChildPath } from '../../files/safe-path.js';
import { createTemplateSource, directoryUrl } from '../../files/template-source.js';
import { isBinary, writeWorkspaceFile } from '../../files/write-files.js';
import type { TemplaterPool } from '../../templating/templater-pool.js';
import { type ActionContext, createTemplateAction, type TemplateAction } from '../template-action.js';
import { renderTemplateTree, templateTreeInput } from './fetch-template.js';

const fileInput = z.object({
  url: z.string().min(1).describe('Relative path from the template (its base URL) or an absolute URL'),
  targetPath: z.string().min(1).describe('Workspace-relative path of the file to write'),
  values: z.record(z.string(), z.unknown()).default({}),
  cookiecutterCompat: z.boolean().optional(),
  replace: z.boolean().default(false),
  trimBlocks: z.boolean().optional(),
  lstripBlocks: z.boolean().optional(),
  token: z.string().optional(),
});

async function renderFile(
  ctx: ActionContext<z.output<typeof fileInput>>,
  templaters: TemplaterPool,
  content: Buffer,
) {
  const context = {
    [ctx.input.cookiecutterCompat ? 'cookiecutter' : 'values']: ctx.input.values as JsonObject,
  };
  const rendered = isBinary(content)
    ? content
    : await templaters.get(ctx.input).renderString(content.toString('utf8'), context);
  const written = await writeWorkspaceFile(ctx.workspacePath, ctx.input.targetPath, rendered, {
    overwrite: ctx.input.replace,
    field: 'input.targetPath',
  });
  ctx.logger.info(
    written
      ? `Rendered ${ctx.input.targetPath}`
      : `Kept the existing ${ctx.input.targetPath} (replace is false)`,
  );
}

/** `fetch:template:file`: renders one file into the workspace. */
export function createFetchTemplateFileAction(templaters: TemplaterPool): TemplateAction {
  return createTemplateAction({
    id: 'fetch:template:file',
    description: 'Downloads a single file, renders it with ${{ values.* }} and places it in the workspace',
    supportsDryRun: true,
    schema: { input: fileInput },
    async handler(ctx) {
      const content = await ctx.templateFiles.readFile(
        ctx.templateFiles.resolveUrl(ctx.input.url, 'input.url'),
      );
      await renderFile(ctx, templaters, content);
    },
  });
}

async function workspaceSource(ctx: ActionContext<unknown>, urlReader: UrlReaderService, path: string) {
  const dir = await resolveSafeChildPath(ctx.workspacePath, path, 'input.url');
  return {
    source: createTemplateSource({ urlReader, localRoot: ctx.workspacePath }),
    url: directoryUrl(dir),
  };
}

/** `workspace:template`: like fetch:template, with a skeleton that is already in the workspace. */
export function createWorkspaceTemplateAction(
  templaters: TemplaterPool,
  urlReader: UrlReaderService,
): TemplateAction {
  return createTemplateAction({
    id: 'workspace:template',
    description:
      'Renders a directory of the workspace (e.g. fetched by an earlier step) into another directory',
    supportsDryRun: true,
    schema: {
      input: templateTreeInput.extend({ url: z.string().min(1).describe('Workspace-relative directory') }),
    },
    async handler(ctx) {
      const { source, url } = await workspaceSource(ctx, urlReader, ctx.input.url);
      const templateFiles = { ...ctx.templateFiles, readTree: source.readTree, readFile: source.readFile };
      await renderTemplateTree({ ...ctx, templateFiles }, templaters, url);
    },
  });
}

/** `workspace:template:file`: like fetch:template:file, with a file that is already in the workspace. */
export function createWorkspaceTemplateFileAction(
  templaters: TemplaterPool,
  urlReader: UrlReaderService,
): TemplateAction {
  return createTemplateAction({
    id: 'workspace:template:file',
    description: 'Renders a file of the workspace into another file',
    supportsDryRun: true,
    schema: { input: fileInput.extend({ url: z.string().min(1).describe('Workspace-relative file') }) },
    async handler(ctx) {
      const path = await resolveSafeChildPath(ctx.workspacePath, ctx.input.url, 'input.url');
      const source = createTemplateSource({ urlReader, localRoot: ctx.workspacePath });
      await renderFile(ctx, templaters, await source.readFile(pathToFileURL(path).href));
    },
  });
}
