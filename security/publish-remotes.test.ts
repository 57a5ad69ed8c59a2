// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` is template syntax.
// Class 6: publish:git may push only to scaffolder.git.allowedRemotes. A user running a
// template of their own dresses another host, or another folder, as an allowed one:
// userinfo and ':' / '@' placements, encoded separators, dot segments, case, a host in a
// file URL. The host that must not be reached counts every request.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackTarget, shippedConfigValue, startAttackTarget } from './support/attack-target.js';
import {
  component,
  isFinishedTask,
  registerLocation,
  runTask,
  template,
  waitForEntity,
  yamlDocuments,
} from './support/attacker-actions.js';
import { createAttempts } from './support/expect-refused.js';
import { type LoopbackHost, startLoopbackHost } from './support/loopback-host.js';

const publish = template(
  'publish-anywhere',
  ['remote'],
  [
    { id: 'write', action: 'catalog:write', input: { entity: component('published') } },
    { id: 'publish', action: 'publish:git', input: { remoteUrl: '${{ parameters.remote }}' } },
  ],
);

/** The shipped pattern's folder: `file://<root>/repositories/*.git` -> `<root>/repositories`. */
function shippedRemoteFolder(root: string): string {
  const patterns = (shippedConfigValue(root, 'scaffolder.git.allowedRemotes') as string[] | undefined) ?? [];
  const file = patterns.find((p) => p.startsWith('file://') && p.endsWith('/*.git'));
  if (!file)
    throw new Error(`the shipped config allows no file://<folder>/*.git remote: ${patterns.join(', ')}`);
  return file.slice('file://'.length, -'/*.git'.length);
}

describe.each(testDatabaseKinds())('publish:git remote bypass on %s', (kind) => {
  let target: AttackTarget;
  let host: LoopbackHost;
  let allowed: LoopbackHost;
  let evil: LoopbackHost;
  let token: string;
  let folder: string;

  beforeAll(async () => {
    host = await startLoopbackHost();
    allowed = await startLoopbackHost();
    evil = await startLoopbackHost();
    target = await startAttackTarget(kind, {
      config: (root) => ({
        backend: { reading: { allow: [{ host: host.host }] } },
        scaffolder: {
          git: {
            allowedRemotes: [
              ...((shippedConfigValue(root, 'scaffolder.git.allowedRemotes') as string[] | undefined) ?? []),
              // An operator allowing any port of one git host; the `*` must not swallow `@other-host`.
              'http://127.0.0.1:*/allowed/*.git',
            ],
          },
        },
      }),
    });
    token = await target.signInAsGuest();
    folder = shippedRemoteFolder(target.root);
    host.serve('/acme/publish/template.yaml', yamlDocuments(publish));
    await registerLocation(target, token, {
      type: 'url',
      target: `${host.origin}/acme/publish/template.yaml`,
    });
    await waitForEntity(target, token, { kind: 'template', name: 'publish-anywhere' });
  });
  afterAll(async () => {
    await target?.stop();
    for (const server of [host, allowed, evil]) await server?.close();
  });

  it('publishes to an allowed remote (the template works)', async () => {
    const result = await runTask(target, token, 'template:default/publish-anywhere', {
      remote: `file://${folder}/control.git`,
    });
    expect(isFinishedTask(result) && result.status).toBe('completed');
    expect(existsSync(join(folder, 'control.git'))).toBe(true);
  });

  it('refuses remotes dressed as allowed ones', async () => {
    const attempts = createAttempts(target.secrets);
    const { root } = target;
    const a = allowed.port;
    const e = evil.port;
    const remotes = [
      `http://127.0.0.1:1@localhost:${e}/allowed/x.git`,
      `http://127.0.0.1:x@localhost:${e}/allowed/x.git`,
      `http://127.0.0.1:@localhost:${e}/allowed/x.git`,
      `http://127.0.0.1%3A1@localhost:${e}/allowed/x.git`,
      `HTTP://127.0.0.1:1@LOCALHOST:${e}/allowed/x.git`,
      `http://127.0.0.1:${a}@localhost:${e}/allowed/x.git`,
      `http://user:secret@127.0.0.1:${a}/allowed/x.git`,
      `http://127.0.0.1:${a}/allowed/../evil/x.git`,
      `http://127.0.0.1:${a}/allowed/%2e%2e/evil/x.git`,
      `http://127.0.0.1:${a}/allowed/..%2fevil.git`,
      `http://127.0.0.1:${a}/allowed/a%2Fb.git`,
      `http://127.0.0.1:${a}/ALLOWED/x.git`,
      `http://127.0.0.1:${a}/allowed/x.git?@localhost:${e}/`,
      `http://127.0.0.1:${a}/allowed/x.git#@localhost:${e}/`,
      `file://localhost:${e}${folder}/x.git`,
      `file://evil${folder}/x.git`,
      `file://${folder}/../data/evil-dots.git`,
      `file://${folder}/..%2Fdata%2Fevil-encoded.git`,
      `file://${folder}/nested/evil-nested.git`,
      `file://${folder.toUpperCase()}/evil-case.git`,
      `file://${root}/data/evil-data.git`,
    ];
    for (const remote of remotes) {
      const result = await runTask(target, token, 'template:default/publish-anywhere', { remote });
      if (!isFinishedTask(result)) attempts.refused(result, `publishing to ${remote}`);
      else
        attempts.check(
          result.status === 'failed',
          `publishing to ${remote}: the task ended ${result.status}`,
        );
    }
    attempts.check(evil.requests.length === 0, `the other host was contacted: ${evil.requests.join(', ')}`);
    const data = join(root, 'data');
    const pushed = readdirSync(data, { recursive: true, encoding: 'utf8' }).filter((p) => p.includes('evil'));
    attempts.check(
      pushed.length === 0,
      `repositories were pushed into the data directory: ${pushed.join(', ')}`,
    );
    attempts.assertAllRefused();
  });
});
