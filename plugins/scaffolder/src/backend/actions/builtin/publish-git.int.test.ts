// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBareRepo, git, startGitHttpServer } from '../../__fixtures__/git-http-server.js';
import { createRunHarness } from '../../__fixtures__/run-harness.js';
import { writeTree } from '../../__fixtures__/write-tree.js';

let root: string;
let server: { url: string; close(): Promise<void> };
let templateDir: string;
const harness = createRunHarness({
  config: { git: { allowedRemotes: ['http://127.0.0.1:*/*', 'file:///tmp/**'] } },
});

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'atrium-git-'));
  server = await startGitHttpServer(root);
  templateDir = await writeTree({
    'skeleton/README.md': '# ${{ values.name }}\n',
    'skeleton/src/index.js': 'export {};\n',
  });
});
afterAll(async () => {
  await server.close();
  await harness.close();
});

async function clone(remote: string, branch = 'main'): Promise<string> {
  const target = await mkdtemp(join(tmpdir(), 'atrium-clone-'));
  await git(['clone', '--quiet', '--branch', branch, remote, target]);
  return target;
}

describe('publish:git', () => {
  it('pushes the first commit to a git server over HTTP', async () => {
    await createBareRepo(join(root, 'app.git'));
    const remoteUrl = `${server.url}/app.git`;
    const { result } = await harness.run(
      {
        steps: [
          { action: 'fetch:template', input: { url: './skeleton', values: { name: 'app' } } },
          {
            id: 'publish',
            action: 'publish:git',
            input: {
              remoteUrl,
              gitCommitMessage: 'Scaffold app',
              gitAuthorName: 'Ada',
              gitAuthorEmail: 'ada@example.com',
            },
          },
        ],
        output: {
          remoteUrl: '${{ steps.publish.output.remoteUrl }}',
          commitHash: '${{ steps.publish.output.commitHash }}',
        },
      },
      { templateDir },
    );
    expect(result.status).toBe('completed');
    const output =
      result.status === 'completed'
        ? (result.output as { remoteUrl: string; commitHash: string })
        : undefined;
    expect(output?.remoteUrl).toBe(remoteUrl);
    expect(output?.commitHash).toMatch(/^[0-9a-f]{40}$/);
    const checkout = await clone(remoteUrl);
    expect(await readFile(join(checkout, 'README.md'), 'utf8')).toBe('# app\n');
    expect(await readFile(join(checkout, 'src/index.js'), 'utf8')).toBe('export {};\n');
    expect(await git(['log', '--format=%H|%an|%ae|%s'], checkout)).toBe(
      `${output?.commitHash}|Ada|ada@example.com|Scaffold app`,
    );
  });

  it('pushes a sub-directory to a bare repository path on another branch', async () => {
    const bare = join(root, 'docs.git');
    await createBareRepo(bare);
    const remoteUrl = pathToFileURL(bare).href;
    const { result } = await harness.run(
      {
        steps: [
          {
            action: 'fetch:template',
            input: { url: './skeleton', targetPath: 'site', values: { name: 'docs' } },
          },
          { action: 'publish:git', input: { remoteUrl, sourcePath: 'site', defaultBranch: 'trunk' } },
        ],
      },
      { templateDir },
    );
    expect(result.status).toBe('completed');
    const checkout = await clone(remoteUrl, 'trunk');
    expect(await readFile(join(checkout, 'README.md'), 'utf8')).toBe('# docs\n');
    expect(await git(['log', '--format=%an|%s'], checkout)).toBe('Scaffolder|Initial commit');
  });

  it('creates a missing local bare repository and reports where the catalog can read it', async () => {
    const bare = join(root, 'nested', 'fresh.git');
    const remoteUrl = pathToFileURL(bare).href;
    const { result } = await harness.run(
      {
        steps: [
          { action: 'fetch:template', input: { url: './skeleton', values: { name: 'fresh' } } },
          { id: 'publish', action: 'publish:git', input: { remoteUrl } },
        ],
        output: { repoContentsUrl: '${{ steps.publish.output.repoContentsUrl }}' },
      },
      { templateDir },
    );
    expect(result.status).toBe('completed');
    expect(result.status === 'completed' && result.output).toEqual({
      repoContentsUrl: `${remoteUrl}/blob/main`,
    });
    const checkout = await clone(remoteUrl);
    expect(await readFile(join(checkout, 'README.md'), 'utf8')).toBe('# fresh\n');
  });

  it('refuses a remote that matches no allowed pattern, naming the setting', async () => {
    const { result } = await harness.run({
      steps: [{ id: 'p', action: 'publish:git', input: { remoteUrl: 'https://github.com/acme/app.git' } }],
    });
    expect(result.status === 'failed' && result.error.message).toBe(
      "Step 'p' (publish:git) failed: publish:git may not push to 'https://github.com/acme/app.git': it matches no pattern of scaffolder.git.allowedRemotes ('http://127.0.0.1:*/*', 'file:///tmp/**'); add a matching glob such as 'file:///srv/git/*' to the config",
    );
  });

  it('refuses transports that run programs and dot segments that leave an allowed folder', async () => {
    for (const remoteUrl of ['ext::sh -c touch% /tmp/pwned', 'file:///tmp/../etc/repo.git']) {
      const { result } = await harness.run({
        steps: [{ id: 'p', action: 'publish:git', input: { remoteUrl } }],
      });
      expect(result.status).toBe('failed');
    }
  });

  it('refuses credentials in the remote URL before git runs, and never shows them', async () => {
    await createBareRepo(join(root, 'creds.git'));
    const port = new URL(server.url).port;
    for (const remoteUrl of [
      `http://bot:s3cr3t-token@127.0.0.1:${port}/creds.git`,
      `http://s3cr3t-token@127.0.0.1:${port}/creds.git`,
      `http://127.0.0.1:s3cr3t-token@127.0.0.1:${port}/creds.git`,
    ]) {
      const { result, log } = await harness.run({
        steps: [{ id: 'p', action: 'publish:git', input: { remoteUrl } }],
      });
      expect(result.status === 'failed' && result.error).toMatchObject({
        message: expect.stringMatching(
          /^Step 'p' \(publish:git\) failed: input\.remoteUrl '.*\*\*\*@127\.0\.0\.1:\d+\/creds\.git' carries credentials/,
        ),
      });
      expect(JSON.stringify({ result, log })).not.toContain('s3cr3t');
    }
    // Nothing was pushed.
    expect(await git(['for-each-ref'], join(root, 'creds.git'))).toBe('');
  });

  it('fails with git stderr when the push is rejected', async () => {
    const { result } = await harness.run({
      steps: [{ id: 'p', action: 'publish:git', input: { remoteUrl: `${server.url}/missing.git` } }],
    });
    expect(result.status === 'failed' && result.error.message).toMatch(
      /git push --quiet http:\/\/127\.0\.0\.1:\d+\/missing\.git HEAD:refs\/heads\/main exited with 128/,
    );
  });
});
