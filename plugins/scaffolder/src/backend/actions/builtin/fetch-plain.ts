import { posix } from 'node:path';
import { runLimited } from '@atrium/kernel';
import { z } from 'zod';
import { assertRelativePath, resolveSafeChildPath } from '../../files/safe-path.js';
import { createWorkspaceWriter, writeWorkspaceFile } from '../../files/write-files.js';
import { createTemplateAction, type TemplateAction } from '../template-action.js';

const url = z.string().min(1).describe('Relative path from the template (its base URL) or an absolute URL');
const token = z.string().optional().describe('An optional token for the source (unused by file: sources)');

/** `fetch:plain`: copies a directory tree into the workspace without rendering it. */
export function createFetchPlainAction(): TemplateAction {
  return createTemplateAction({
    id: 'fetch:plain',
    description: 'Downloads a directory tree and places it in the workspace, or in a subdirectory of it',
    supportsDryRun: true,
    examples: [
      {
        description: 'Fetch a skeleton',
        example: 'steps:\n  - action: fetch:plain\n    input:\n      url: ./skeleton\n',
      },
    ],
    schema: {
      input: z.object({
        url,
        targetPath: z.string().default('./').describe('Workspace-relative directory to copy into'),
        token,
      }),
    },
    async handler(ctx) {
      const source = ctx.templateFiles.resolveUrl(ctx.input.url, 'input.url');
      await resolveSafeChildPath(ctx.workspacePath, ctx.input.targetPath, 'input.targetPath');
      const files = await ctx.templateFiles.readTree(source);
      const write = createWorkspaceWriter(ctx.workspacePath);
      await runLimited(files, 32, async (file) => {
        assertRelativePath(file.path, 'fetched file');
        await write(posix.join(ctx.input.targetPath, file.path), await file.content(), {
          executable: file.executable,
          field: 'input.targetPath',
        });
      });
      ctx.logger.info(`Fetched ${files.length} files from ${source} into ${ctx.input.targetPath}`);
    },
  });
}

/** `fetch:plain:file`: copies one file into the workspace. */
export function createFetchPlainFileAction(): TemplateAction {
  return createTemplateAction({
    id: 'fetch:plain:file',
    description: 'Downloads a single file and places it in the workspace',
    supportsDryRun: true,
    schema: {
      input: z.object({
        url,
        targetPath: z.string().min(1).describe('Workspace-relative path of the file to write'),
        token,
      }),
    },
    async handler(ctx) {
      const source = ctx.templateFiles.resolveUrl(ctx.input.url, 'input.url');
      const content = await ctx.templateFiles.readFile(source);
      await writeWorkspaceFile(ctx.workspacePath, ctx.input.targetPath, content, {
        field: 'input.targetPath',
      });
      ctx.logger.info(`Fetched ${source} into ${ctx.input.targetPath}`);
    },
  });
}
