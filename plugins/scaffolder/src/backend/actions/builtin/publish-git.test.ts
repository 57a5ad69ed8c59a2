import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { git } from '../../__fixtures__/git-http-server.js';
import { createRunHarness } from '../../__fixtures__/run-harness.js';

const harness = createRunHarness({ config: { git: { allowedRemotes: ['file:///tmp/**'] } } });
afterAll(() => harness.close());

const publish = (remoteUrl: string, workspace?: string) =>
  harness.run(
    { steps: [{ id: 'publish', name: 'Publish', action: 'publish:git', input: { remoteUrl } }] },
    { workspace },
  );

// A workspace with a file, so its commit is one the repository does not have.
async function workspaceWithFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'atrium-harness-'));
  await writeFile(join(dir, 'README.md'), '# another\n');
  return dir;
}

describe('publish:git to a repository that already has the branch', () => {
  it('says what happened and what to do, leaves the repository alone and marks the failure not retryable', async () => {
    const root = await mkdtemp(join(tmpdir(), 'atrium-publish-'));
    const remoteUrl = pathToFileURL(join(root, 'taken.git')).href;
    expect((await publish(remoteUrl)).result.status).toBe('completed');
    const head = await git(['rev-parse', 'refs/heads/main'], join(root, 'taken.git'));

    // Another run with the same name: git refuses to replace main ("[rejected] (fetch first)").
    const second = await publish(remoteUrl, await workspaceWithFile());
    expect(second.result).toEqual({
      status: 'failed',
      error: {
        name: 'StepFailedError',
        message: `Step 'publish' (Publish) failed: the repository ${remoteUrl} already exists and has commits on branch 'main', which publishing would overwrite, so it was not changed. Run the template again with another name, or delete or empty that repository first.`,
        retryable: false,
      },
    });
    expect(JSON.stringify(second)).not.toMatch(/\[rejected\]|hint:/);
    expect(await git(['rev-parse', 'refs/heads/main'], join(root, 'taken.git'))).toBe(head);
  });

  it('keeps other git failures retryable, with their output', async () => {
    const notRepository = join(await mkdtemp(join(tmpdir(), 'atrium-publish-')), 'file.git');
    // A file where the repository should be: git cannot push there now, and may later.
    await writeFile(notRepository, 'not a repository');
    const { result } = await publish(pathToFileURL(notRepository).href);
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.error.retryable).toBeUndefined();
    expect(result.status === 'failed' && result.error.message).toContain('exited with');
  });
});
