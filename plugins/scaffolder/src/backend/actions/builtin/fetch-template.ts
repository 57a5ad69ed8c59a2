// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { InputError } from '@atrium/errors';
import { z } from 'zod';
import type { JsonObject } from '../../../common/index.js';
import { resolveSafeChildPath } from '../../files/safe-path.js';
import type { TemplaterPool } from '../../templating/templater-pool.js';
import { type ActionContext, createTemplateAction, type TemplateAction } from '../template-action.js';
import { renderTree } from './render-tree.js';

const syntax = {
  cookiecutterCompat: z
    .boolean()
    .optional()
    .describe('Use {{ cookiecutter.x }} syntax and the jsonify filter'),
  trimBlocks: z.boolean().optional().describe('Drop the first newline after a block tag'),
  lstripBlocks: z.boolean().optional().describe('Strip whitespace before a block tag at the start of a line'),
};

/** Input of fetch:template (and workspace:template, whose url is a workspace path). */
export const templateTreeInput = z.object({
  url: z.string().min(1).describe('Relative path from the template (its base URL) or an absolute URL'),
  targetPath: z.string().default('./').describe('Workspace-relative directory to render into'),
  values: z
    .record(z.string(), z.unknown())
    .default({})
    .describe('Values the skeleton sees as ${{ values.* }}'),
  copyWithoutRender: z
    .array(z.string())
    .optional()
    .describe('Globs copied as is: neither name nor content rendered'),
  copyWithoutTemplating: z
    .array(z.string())
    .optional()
    .describe('Globs whose content is copied as is (names rendered)'),
  templateFileExtension: z
    .union([z.boolean(), z.string()])
    .optional()
    .describe('Render only files with this extension (true: .njk) and strip it'),
  replace: z.boolean().default(false).describe('Overwrite files that already exist in the workspace'),
  token: z.string().optional(),
  ...syntax,
});

type TreeInput = z.output<typeof templateTreeInput>;

function extensionOf(input: TreeInput): string | undefined {
  const option = input.templateFileExtension;
  if (option === undefined || option === false) return undefined;
  const extension = option === true ? '.njk' : option;
  return extension.startsWith('.') ? extension : `.${extension}`;
}

function checkCombinations(input: TreeInput): void {
  if (input.copyWithoutRender && input.copyWithoutTemplating) {
    throw new InputError(
      'input.copyWithoutRender and input.copyWithoutTemplating cannot be used together; keep one',
    );
  }
  if (
    extensionOf(input) &&
    (input.copyWithoutRender || input.copyWithoutTemplating || input.cookiecutterCompat)
  ) {
    throw new InputError(
      'input.templateFileExtension cannot be combined with copyWithoutRender, copyWithoutTemplating or cookiecutterCompat',
    );
  }
}

/** Renders the tree at `sourceUrl` into the workspace (shared by fetch:template and workspace:template). */
export async function renderTemplateTree(
  ctx: ActionContext<TreeInput>,
  templaters: TemplaterPool,
  sourceUrl: string,
): Promise<void> {
  checkCombinations(ctx.input);
  await resolveSafeChildPath(ctx.workspacePath, ctx.input.targetPath, 'input.targetPath');
  const files = await ctx.templateFiles.readTree(sourceUrl);
  const templater = templaters.get(ctx.input);
  const count = await renderTree(templater, files, ctx.workspacePath, ctx.input.targetPath, {
    values: ctx.input.values as JsonObject,
    cookiecutterCompat: ctx.input.cookiecutterCompat,
    copyWithoutRender: ctx.input.copyWithoutRender,
    copyWithoutTemplating: ctx.input.copyWithoutTemplating,
    extension: extensionOf(ctx.input),
    replace: ctx.input.replace,
  });
  ctx.logger.info(
    `Rendered ${count} of ${files.length} files from ${sourceUrl} into ${ctx.input.targetPath}`,
  );
}

/** `fetch:template`: renders a skeleton's file names, directory names and contents into the workspace. */
export function createFetchTemplateAction(templaters: TemplaterPool): TemplateAction {
  return createTemplateAction({
    id: 'fetch:template',
    description:
      'Downloads a skeleton, renders its names and contents with ${{ values.* }} and places it in the workspace',
    supportsDryRun: true,
    examples: [
      {
        description: 'Render a skeleton with values',
        example:
          'steps:\n  - action: fetch:template\n    input:\n      url: ./skeleton\n      values:\n        name: ${{ parameters.name }}\n',
      },
    ],
    schema: { input: templateTreeInput },
    async handler(ctx) {
      await renderTemplateTree(ctx, templaters, ctx.templateFiles.resolveUrl(ctx.input.url, 'input.url'));
    },
  });
}
