import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { InputError } from '@atrium/errors';
import { glob } from 'tinyglobby';
import { z } from 'zod';
import { assertRelativePath, resolveSafeChildPath, resolveSafeWritePath } from '../../files/safe-path.js';
import { createTemplateAction, type TemplateAction } from '../template-action.js';

/** `fs:delete`: removes workspace files and directories matching globs. */
export function createFsDeleteAction(): TemplateAction {
  return createTemplateAction({
    id: 'fs:delete',
    description: 'Deletes files and directories of the workspace that match the given globs',
    supportsDryRun: true,
    schema: { input: z.object({ files: z.array(z.string().min(1)).describe('Workspace-relative globs') }) },
    async handler(ctx) {
      let removed = 0;
      for (const [index, pattern] of ctx.input.files.entries()) {
        assertRelativePath(pattern, `input.files[${index}]`);
        const matches = await glob(pattern, {
          cwd: ctx.workspacePath,
          dot: true,
          onlyFiles: false,
          followSymbolicLinks: false,
          expandDirectories: false,
        });
        for (const match of matches) {
          // The parent must resolve inside; the entry itself may be a symlink, which rm unlinks.
          await resolveSafeChildPath(ctx.workspacePath, dirname(match), `input.files[${index}]`);
          await rm(join(ctx.workspacePath, match), { recursive: true, force: true });
          removed++;
        }
      }
      ctx.logger.info(`Deleted ${removed} files and directories`);
    },
  });
}

/** `fs:rename`: moves workspace files. */
export function createFsRenameAction(): TemplateAction {
  return createTemplateAction({
    id: 'fs:rename',
    description: 'Renames (moves) files and directories inside the workspace',
    supportsDryRun: true,
    schema: {
      input: z.object({
        files: z.array(
          z.object({ from: z.string().min(1), to: z.string().min(1), overwrite: z.boolean().optional() }),
        ),
      }),
    },
    async handler(ctx) {
      for (const [index, file] of ctx.input.files.entries()) {
        const from = await resolveSafeChildPath(ctx.workspacePath, file.from, `input.files[${index}].from`);
        const to = await resolveSafeWritePath(ctx.workspacePath, file.to, `input.files[${index}].to`);
        if (!(await lstat(from).catch(() => undefined))) {
          throw new InputError(`input.files[${index}].from '${file.from}' does not exist in the workspace`);
        }
        if (await lstat(to).catch(() => undefined)) {
          if (!file.overwrite) {
            throw new InputError(
              `input.files[${index}].to '${file.to}' already exists; set overwrite: true to replace it`,
            );
          }
          await rm(to, { recursive: true, force: true });
        }
        await mkdir(dirname(to), { recursive: true });
        await rename(from, to);
        ctx.logger.info(`Renamed ${file.from} to ${file.to}`);
      }
    },
  });
}

const entry = z.object({ name: z.string(), path: z.string(), fullPath: z.string() });

/** `fs:readdir`: lists workspace directories. */
export function createFsReaddirAction(): TemplateAction {
  return createTemplateAction({
    id: 'fs:readdir',
    description: 'Lists the files and folders of workspace directories',
    supportsDryRun: true,
    schema: {
      input: z.object({ paths: z.array(z.string().min(1)), recursive: z.boolean().default(false) }),
      output: z.object({ files: z.array(entry), folders: z.array(entry) }),
    },
    async handler(ctx) {
      const files: Array<z.output<typeof entry>> = [];
      const folders: Array<z.output<typeof entry>> = [];
      for (const [index, path] of ctx.input.paths.entries()) {
        const dir = await resolveSafeChildPath(ctx.workspacePath, path, `input.paths[${index}]`);
        const entries = await readdir(dir, { withFileTypes: true, recursive: ctx.input.recursive });
        for (const item of entries) {
          const fullPath = join(item.parentPath, item.name);
          const listed = { name: basename(fullPath), path: relative(ctx.workspacePath, fullPath), fullPath };
          (item.isDirectory() ? folders : files).push(listed);
        }
      }
      ctx.output('files', files);
      ctx.output('folders', folders);
    },
  });
}
