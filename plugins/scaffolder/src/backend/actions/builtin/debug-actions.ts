// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { readFile } from 'node:fs/promises';
import { InputError } from '@atrium/errors';
import { glob } from 'tinyglobby';
import { z } from 'zod';
import { resolveSafeChildPath } from '../../files/safe-path.js';
import { createTemplateAction, type TemplateAction } from '../template-action.js';

const MAX_WAIT_MS = 10 * 60_000;

// A symlink in the workspace may point anywhere: its target's content is never logged.
async function contentOf(workspace: string, file: string): Promise<string> {
  try {
    return await readFile(await resolveSafeChildPath(workspace, file), 'utf8');
  } catch {
    return '(not shown: it leads outside the workspace)';
  }
}

/** `debug:log`: writes a message and optionally the workspace listing to the task log. */
export function createDebugLogAction(): TemplateAction {
  return createTemplateAction({
    id: 'debug:log',
    description: 'Writes a message to the task log, and optionally lists the workspace',
    supportsDryRun: true,
    examples: [
      {
        description: 'Log a message',
        example: 'steps:\n  - action: debug:log\n    input:\n      message: Hello ${{ parameters.name }}\n',
      },
    ],
    schema: {
      input: z.object({
        message: z.string().optional(),
        listWorkspace: z
          .union([z.boolean(), z.enum(['with-filenames', 'with-contents'])])
          .optional()
          .describe('true or with-filenames: list file names; with-contents: also their contents'),
      }),
    },
    async handler(ctx) {
      if (ctx.input.message) ctx.logger.info(ctx.input.message);
      if (!ctx.input.listWorkspace) return;
      const files = (
        await glob('**/*', { cwd: ctx.workspacePath, dot: true, onlyFiles: true, followSymbolicLinks: false })
      ).sort();
      const lines = await Promise.all(
        files.map(async (file) =>
          ctx.input.listWorkspace === 'with-contents'
            ? `  ${file}:\n${await contentOf(ctx.workspacePath, file)}`
            : `  ${file}`,
        ),
      );
      ctx.logger.info(`Workspace:\n${lines.join('\n')}`);
    },
  });
}

/** `debug:wait`: waits, and stops early when the task is cancelled. */
export function createDebugWaitAction(): TemplateAction {
  return createTemplateAction({
    id: 'debug:wait',
    description: 'Waits for the given time (at most 10 minutes)',
    supportsDryRun: true,
    schema: {
      input: z.object({
        minutes: z.number().min(0).optional(),
        seconds: z.number().min(0).optional(),
        milliseconds: z.number().min(0).optional(),
      }),
    },
    async handler(ctx) {
      const { minutes = 0, seconds = 0, milliseconds = 0 } = ctx.input;
      const ms = minutes * 60_000 + seconds * 1000 + milliseconds;
      if (ms > MAX_WAIT_MS)
        throw new InputError(`debug:wait waits at most 10 minutes; ${ms} ms were asked for`);
      ctx.logger.info(`Waiting ${ms} ms`);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        ctx.signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(ctx.signal.reason);
          },
          { once: true },
        );
      });
    },
  });
}
