// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '@atrium/errors';
import { durationToMs } from '@atrium/kernel';
import { z } from 'zod';
import type { ScaffolderConfig } from '../../config.js';
import { resolveSafeChildPath } from '../../files/safe-path.js';
import { assertAllowedRemote, displayRemote } from '../../git/allowed-remotes.js';
import { explainRejectedPush } from '../../git/explain-rejected-push.js';
import { type GitOptions, runGit } from '../../git/run-git.js';
import { createTemplateAction, type TemplateAction } from '../template-action.js';

const branchPattern = /^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]+(?<![./])$/;

/**
 * `publish:git`: makes the workspace (or `sourcePath`) the first commit of a repository
 * and pushes it to `remoteUrl`, which must match `scaffolder.git.allowedRemotes`. Runs
 * the git CLI with a clean environment and a git directory outside the workspace.
 */
export function createPublishGitAction(config: ScaffolderConfig): TemplateAction {
  return createTemplateAction({
    id: 'publish:git',
    description:
      'Creates the first commit of the workspace and pushes it to a git remote allowed by scaffolder.git.allowedRemotes',
    examples: [
      {
        description: 'Push to a local bare repository',
        example:
          'steps:\n  - action: publish:git\n    input:\n      remoteUrl: file:///srv/git/${{ parameters.name }}.git\n',
      },
    ],
    schema: {
      input: z.object({
        remoteUrl: z
          .string()
          .min(1)
          .describe('Where to push, e.g. file:///srv/git/app.git or https://git.example.com/org/app.git'),
        defaultBranch: z.string().default('main').describe('Branch that receives the commit'),
        sourcePath: z
          .string()
          .optional()
          .describe('Workspace-relative directory to publish; the whole workspace by default'),
        gitCommitMessage: z.string().optional(),
        gitAuthorName: z.string().optional(),
        gitAuthorEmail: z.string().optional(),
      }),
      output: z.object({
        remoteUrl: z.string(),
        commitHash: z.string(),
        repoContentsUrl: z
          .string()
          .optional()
          .describe(
            'For file:// remotes: <remote>/blob/<branch>, readable by the catalog (catalog:register)',
          ),
      }),
    },
    async handler(ctx) {
      const { input } = ctx;
      const remote = assertAllowedRemote(input.remoteUrl, config.git.allowedRemotes);
      if (!branchPattern.test(input.defaultBranch)) {
        throw new InputError(`input.defaultBranch '${input.defaultBranch}' is not a valid branch name`);
      }
      const source = await resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath ?? '.',
        'input.sourcePath',
      );
      if (!(await stat(source).catch(() => undefined))?.isDirectory()) {
        throw new InputError(`input.sourcePath '${input.sourcePath}' is not a directory of the workspace`);
      }
      const home = await ctx.createTemporaryDirectory();
      const git: GitOptions = {
        executable: config.git.executable,
        gitDir: join(home, 'repo.git'),
        workTree: source,
        home,
        timeoutMs: durationToMs(config.git.timeout),
        signal: ctx.signal,
        author: {
          name: input.gitAuthorName ?? config.defaultAuthor.name,
          email: input.gitAuthorEmail ?? config.defaultAuthor.email,
        },
      };
      await runGit(['init', '--quiet', `--initial-branch=${input.defaultBranch}`], git);
      await runGit(['add', '--all'], git);
      await runGit(
        [
          'commit',
          '--quiet',
          '--allow-empty',
          '--no-verify',
          '-m',
          input.gitCommitMessage ?? config.defaultCommitMessage,
        ],
        git,
      );
      const commitHash = await runGit(['rev-parse', 'HEAD'], git);
      const localRepository = remote.startsWith('file://') ? fileURLToPath(remote) : undefined;
      // Like publish:github creating the repository: a local bare repository is created on
      // first publish (the remote already passed the allow-list check).
      if (localRepository && !existsSync(localRepository)) {
        await mkdir(dirname(localRepository), { recursive: true });
        await runGit(['init', '--quiet', '--bare', `--initial-branch=${input.defaultBranch}`], {
          ...git,
          gitDir: localRepository,
          workTree: undefined,
        });
        ctx.logger.info(`Created the bare repository ${localRepository}`);
      }
      ctx.logger.info(`Pushing ${commitHash} to ${displayRemote(remote)} (branch ${input.defaultBranch})`);
      await runGit(['push', '--quiet', remote, `HEAD:refs/heads/${input.defaultBranch}`], git).catch(
        (error: unknown) => {
          throw explainRejectedPush(error, displayRemote(remote), input.defaultBranch);
        },
      );
      ctx.output('remoteUrl', remote);
      ctx.output('commitHash', commitHash);
      if (localRepository)
        ctx.output('repoContentsUrl', `${remote.replace(/\/$/, '')}/blob/${input.defaultBranch}`);
    },
  });
}
