// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` is template syntax.
// Class 1 (scaffolder paths): a signed-in user makes fetch:* copy the server's files into
// a workspace and print them (debug:log with-contents), in a dry run and in a real task.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackTarget, startAttackTarget } from './support/attack-target.js';
import {
  dryRunTemplate,
  isFinishedTask,
  registerLocation,
  runTask,
  template,
  waitForEntity,
  yamlDocuments,
} from './support/attacker-actions.js';
import { createAttempts } from './support/expect-refused.js';
import { type LoopbackHost, startLoopbackHost } from './support/loopback-host.js';
import { type PlantedRepositories, plantRepositories } from './support/planted-repositories.js';

const show = { id: 'show', action: 'debug:log', input: { listWorkspace: 'with-contents' } };
// Copies one file or a tree into the workspace, prints it, and pushes it to an allowed remote.
const exfiltrateFile = template(
  'exfil-file',
  ['source', 'repo'],
  [
    {
      id: 'fetch',
      action: 'fetch:plain:file',
      input: { url: '${{ parameters.source }}', targetPath: 'stolen.txt' },
    },
    show,
    {
      id: 'publish',
      action: 'publish:git',
      input: { remoteUrl: '${{ environment.parameters.gitBase }}/${{ parameters.repo }}.git' },
    },
  ],
);
const exfiltrateTree = template(
  'exfil-tree',
  ['source'],
  [
    { id: 'fetch', action: 'fetch:plain', input: { url: '${{ parameters.source }}', targetPath: 'stolen' } },
    show,
  ],
);
const renderTree = template(
  'exfil-render',
  ['source'],
  [
    {
      id: 'fetch',
      action: 'fetch:template',
      input: { url: '${{ parameters.source }}', targetPath: 'stolen' },
    },
    show,
  ],
);

const fileSources = (root: string, repos: PlantedRepositories) => [
  `file://${root}/data/secret.json`,
  `file://${root}/data/catalog-info.yaml`,
  `file://${root}/app-config.security.yaml`,
  `file://${root}/repositories/data-link/secret.json`,
  `file://${repos.bare}/blob/main~1/secret.yaml`,
  `file://${repos.bare}/blob/${repos.secretCommit}/secret.yaml`,
  `file://${repos.worktree}/.git/blob/main/worktree-only.yaml`,
];
const treeSources = (root: string) => [
  `file://${root}/data`,
  `file://${root}/data/`,
  `file://${root}/repositories/data-link`,
  `file://${root}`,
];

describe.each(testDatabaseKinds())('file reads through the scaffolder on %s', (kind) => {
  let target: AttackTarget;
  let host: LoopbackHost;
  let repos: PlantedRepositories;
  let token: string;

  beforeAll(async () => {
    host = await startLoopbackHost();
    target = await startAttackTarget(kind, {
      config: { backend: { reading: { allow: [{ host: host.host }] } } },
    });
    token = await target.signInAsGuest();
    repos = plantRepositories(target.root);
    target.secrets.add(...repos.markers);
    host.serve(
      '/acme/templates/blob/main/all.yaml',
      yamlDocuments(exfiltrateFile, exfiltrateTree, renderTree),
    );
    const spec = { type: 'url', target: `${host.origin}/acme/templates/blob/main/all.yaml` };
    expect((await registerLocation(target, token, spec)).status).toBe(201);
    await waitForEntity(target, token, { kind: 'template', name: 'exfil-render' });
  });
  afterAll(async () => {
    await target?.stop();
    await host?.close();
  });

  it('refuses fetch:* of server files in a dry run, absolute or climbing from the posted files', async () => {
    const attempts = createAttempts(target.secrets);
    const climb = `${'../'.repeat(16)}${target.root.slice(1)}`;
    const files = [...fileSources(target.root, repos), `${climb}/data/secret.json`];
    for (const source of files) {
      const reply = await dryRunTemplate(target, token, exfiltrateFile, { source, repo: 'dry' });
      const status = (reply.json as { status?: string } | undefined)?.status;
      attempts.check(reply.status >= 400 || status === 'failed', `dry run reading ${source}: ${status}`);
      attempts.leakedNothing(reply, `dry run reading ${source}`);
    }
    for (const source of [...treeSources(target.root), `${climb}/data`]) {
      for (const tree of [exfiltrateTree, renderTree]) {
        const reply = await dryRunTemplate(target, token, tree, { source });
        const status = (reply.json as { status?: string } | undefined)?.status;
        attempts.check(reply.status >= 400 || status === 'failed', `dry run copying ${source}: ${status}`);
        attempts.leakedNothing(reply, `dry run copying ${source}`);
      }
    }
    attempts.assertAllRefused();
  });

  it('refuses fetch:* of server files in a task, and nothing reaches the task log or a repository', async () => {
    const attempts = createAttempts(target.secrets);
    const runs = [
      ...fileSources(target.root, repos).map((source, i) => ({
        ref: 'template:default/exfil-file',
        values: { source, repo: `exfil-${i}` },
      })),
      ...treeSources(target.root).flatMap((source) => [
        { ref: 'template:default/exfil-tree', values: { source } },
        { ref: 'template:default/exfil-render', values: { source } },
      ]),
    ];
    for (const run of runs) {
      // A task that copies the live SQLite files may never finish; 8 s is plenty for a refusal.
      const result = await runTask(target, token, run.ref, run.values, 8_000);
      const what = `${run.ref} with ${run.values.source}`;
      if (!isFinishedTask(result)) {
        attempts.refused(result, what);
        continue;
      }
      attempts.check(result.status === 'failed', `${what}: the task ended ${result.status}`);
      attempts.leakedNothing(result.events, `${what}: its log`);
      attempts.leakedNothing(result.task, `${what}: the task`);
    }
    for (const dir of ['repositories', 'data/git'])
      for (let i = 0; i < 10; i++)
        attempts.check(
          !existsSync(join(target.root, dir, `exfil-${i}.git`)),
          `a repository exfil-${i}.git was pushed`,
        );
    attempts.assertAllRefused();
  });

  it('leaves nothing in the task list', async () => {
    const attempts = createAttempts(target.secrets);
    attempts.leakedNothing(await target.call('GET', '/api/scaffolder/v2/tasks', { token }), 'the task list');
    attempts.assertAllRefused();
  });
});
