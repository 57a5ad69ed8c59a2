// Class 1 (catalog paths): a signed-in user tries to make the catalog read the server's
// files — the SQLite data directory, a config file, git history — by every path that reads.
import { join } from 'node:path';
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackTarget, startAttackTarget } from './support/attack-target.js';
import {
  api,
  component,
  location,
  registerLocation,
  waitForEntity,
  wholeCatalog,
  yamlDocuments,
} from './support/attacker-actions.js';
import { createAttempts, expectNoSecret, leakedEntityNames } from './support/expect-refused.js';
import { type LoopbackHost, startLoopbackHost } from './support/loopback-host.js';
import { type PlantedRepositories, plantFiles, plantRepositories } from './support/planted-repositories.js';

const REVISIONS = ['main~1', 'main^', 'HEAD~1', 'main@{1}', '<secret commit>'];

// Targets a user names directly (type, target); `root` is the portal's folder.
const directTargets = (root: string, repos: PlantedRepositories) => [
  { name: 'a file in the data directory', type: 'file', target: join(root, 'data/catalog-info.yaml') },
  { name: 'the data directory', type: 'file', target: join(root, 'data') },
  { name: 'the SQLite file', type: 'file', target: join(root, 'data/kernel.sqlite') },
  { name: 'the config file', type: 'file', target: join(root, 'app-config.security.yaml') },
  {
    name: 'a ../ climb out of an allowed root',
    type: 'file',
    target: `${root}/repositories/../data/catalog-info.yaml`,
  },
  { name: 'a symlinked file', type: 'file', target: join(root, 'repositories/secret-link.yaml') },
  {
    name: 'a symlinked directory',
    type: 'file',
    target: join(root, 'repositories/data-link/catalog-info.yaml'),
  },
  { name: 'a glob over the data directory', type: 'file', target: join(root, 'data/*.yaml') },
  { name: 'a url location with a file: URL', type: 'url', target: `file://${root}/data/catalog-info.yaml` },
  {
    name: 'a url location with FILE: in capitals',
    type: 'url',
    target: `FILE://${root}/data/catalog-info.yaml`,
  },
  {
    name: 'a url location with file://localhost',
    type: 'url',
    target: `file://localhost${root}/data/catalog-info.yaml`,
  },
  {
    name: 'a working tree .git',
    type: 'file',
    target: join(repos.worktree, '.git/blob/main/worktree-only.yaml'),
  },
  ...REVISIONS.map((rev) => ({
    name: `the revision expression ${rev}`,
    type: 'file',
    target: join(repos.bare, 'blob', rev === '<secret commit>' ? repos.secretCommit : rev, 'secret.yaml'),
  })),
];

// Descriptor files an attacker pushes to a repository on an allowed host (a url location).
const hostedAttacks = (root: string, repos: PlantedRepositories): Record<string, string> => ({
  'text-data.yaml': yamlDocuments(api('atk-text-data', { $text: `file://${root}/data/secret.json` })),
  'text-config.yaml': yamlDocuments(
    api('atk-text-config', { $text: `file://${root}/app-config.security.yaml` }),
  ),
  'json-data.yaml': yamlDocuments(
    component('atk-json-data', { metadata: { annotations: { $json: `file://${root}/data/secret.json` } } }),
  ),
  'yaml-data.yaml': yamlDocuments(
    component('atk-yaml-data', { metadata: { labels: { $yaml: `file://${root}/data/secret.json` } } }),
  ),
  'text-history.yaml': yamlDocuments(
    api('atk-text-history', { $text: `file://${repos.bare}/blob/${repos.secretCommit}/secret.yaml` }),
  ),
  'child-file.yaml': yamlDocuments(
    location('atk-child-file', { type: 'file', target: join(root, 'data/catalog-info.yaml') }),
  ),
  'child-url-file.yaml': yamlDocuments(
    location('atk-child-url-file', { type: 'url', target: `file://${root}/data/catalog-info.yaml` }),
  ),
  'child-glob.yaml': yamlDocuments(
    location('atk-child-glob', { type: 'file', targets: [join(root, 'data/*.yaml')] }),
  ),
  'child-symlink.yaml': yamlDocuments(
    location('atk-child-symlink', {
      type: 'file',
      target: join(root, 'repositories/data-link/catalog-info.yaml'),
    }),
  ),
  'child-worktree.yaml': yamlDocuments(
    location('atk-child-worktree', {
      type: 'file',
      target: join(repos.worktree, '.git/blob/main/worktree-only.yaml'),
    }),
  ),
  // Another repository on the same allowed host: relative targets stay in their own repository.
  'climb-repository.yaml': yamlDocuments(
    api('atk-climb-repo', { $text: '../../../victim/blob/main/notes.txt' }),
  ),
  'climb-repository-child.yaml': yamlDocuments(
    location('atk-climb-repo-child', { type: 'url', target: '../../../victim/blob/main/catalog-info.yaml' }),
  ),
  'child-revision.yaml': yamlDocuments(
    location('atk-child-revision', { type: 'file', target: join(repos.bare, 'blob/main~1/secret.yaml') }),
  ),
});

// Descriptor files in a repository under an allowed file root (file locations).
const fileAttacks = (root: string): Record<string, string> => ({
  'climb.yaml': yamlDocuments(api('atk-climb', { $text: '../../data/secret.json' })),
  'climb-config.yaml': yamlDocuments(api('atk-climb-config', { $text: '../../app-config.security.yaml' })),
  'absolute.yaml': yamlDocuments(api('atk-absolute', { $text: `file://${root}/data/secret.json` })),
  'absolute-path.yaml': yamlDocuments(api('atk-absolute-path', { $text: join(root, 'data/secret.json') })),
  'symlink.yaml': yamlDocuments(api('atk-symlink', { $text: '../data-link/secret.json' })),
  'child-climb.yaml': yamlDocuments(
    location('atk-fchild-climb', { type: 'file', target: '../../data/catalog-info.yaml' }),
  ),
  'child-sqlite.yaml': yamlDocuments(
    location('atk-fchild-sqlite', { type: 'file', target: '../../data/kernel.sqlite' }),
  ),
  'child-glob.yaml': yamlDocuments(
    location('atk-fchild-glob', { type: 'file', targets: ['../../data/*.yaml'] }),
  ),
  'child-url.yaml': yamlDocuments(
    location('atk-fchild-url', { type: 'url', target: `file://${root}/app-config.security.yaml` }),
  ),
});

describe.each(testDatabaseKinds())('file reads through the catalog on %s', (kind) => {
  let target: AttackTarget;
  let host: LoopbackHost;
  let repos: PlantedRepositories;
  let token: string;
  let ownLocationId: string;
  const hostedUrl = (file: string) => `${host.origin}/acme/attacker/blob/main/${file}`;

  beforeAll(async () => {
    host = await startLoopbackHost();
    target = await startAttackTarget(kind, {
      config: { backend: { reading: { allow: [{ host: host.host }] } } },
    });
    token = await target.signInAsGuest();
    repos = plantRepositories(target.root);
    target.secrets.add(...repos.markers);
    for (const [file, content] of Object.entries(hostedAttacks(target.root, repos)))
      host.serve(`/acme/attacker/blob/main/${file}`, content);
    host.serve('/acme/attacker/blob/main/readme.txt', 'hello from the repository');
    host.serve('/acme/victim/blob/main/notes.txt', 'notes of another repository');
    host.serve('/acme/victim/blob/main/catalog-info.yaml', yamlDocuments(component('victim-component')));
    host.serve(
      '/acme/attacker/blob/main/benign.yaml',
      yamlDocuments(component('atk-benign'), api('atk-benign-api', { $text: './readme.txt' })),
    );
    plantFiles(target.root, 'attacker', {
      ...fileAttacks(target.root),
      'readme.txt': 'hello from the checkout',
      'benign.yaml': yamlDocuments(api('atk-file-benign', { $text: './readme.txt' })),
    });
    const own = await registerLocation(target, token, { type: 'url', target: hostedUrl('benign.yaml') });
    expect(own.status, own.text).toBe(201);
    ownLocationId = (own.json as { location: { id: string } }).location.id;
  });
  afterAll(async () => {
    await target?.stop();
    await host?.close();
  });

  it('still reads what it should: a benign url location, with a placeholder beside it', async () => {
    const reply = await registerLocation(
      target,
      token,
      { type: 'url', target: hostedUrl('benign.yaml') },
      true,
    );
    expect(reply.status, reply.text).toBe(201);
    expect(reply.text).toContain('hello from the repository');
  });

  it('still reads what it should: a file location under catalog.allowedFileRoots (./repositories)', async () => {
    const file = join(target.root, 'repositories/attacker/benign.yaml');
    const reply = await registerLocation(target, token, { type: 'file', target: file }, true);
    expect(reply.status, reply.text).toBe(201);
    expect(reply.text).toContain('hello from the checkout');
  });

  it('still reads what it should: a bare repository at a branch', async () => {
    const file = join(repos.bare, 'blob/main/catalog-info.yaml');
    const reply = await registerLocation(target, token, { type: 'file', target: file }, true);
    expect(reply.status, reply.text).toBe(201);
    expect(reply.text).toContain('history-app');
  });

  it('refuses every way of naming a forbidden file: register, dry run, analyze, update', async () => {
    const attempts = createAttempts(target.secrets);
    for (const attack of directTargets(target.root, repos)) {
      const spec = { type: attack.type, target: attack.target };
      attempts.refused(await registerLocation(target, token, spec), `register ${attack.name}`);
      attempts.refused(await registerLocation(target, token, spec, true), `dry-run ${attack.name}`);
      const analyzed = await target.call('POST', '/api/catalog/analyze-location', {
        token,
        body: { location: spec },
      });
      attempts.refused(analyzed, `analyze ${attack.name}`);
      const updated = await target.call('PUT', `/api/catalog/locations/${ownLocationId}`, {
        token,
        body: spec,
      });
      attempts.refused(updated, `update to ${attack.name}`);
    }
    attempts.assertAllRefused();
  });

  it('refuses placeholders and child locations in a url location that reach for files', async () => {
    const attempts = createAttempts(target.secrets);
    for (const file of Object.keys(hostedAttacks(target.root, repos))) {
      const spec = { type: 'url', target: hostedUrl(file) };
      attempts.refused(await registerLocation(target, token, spec, true), `dry-run of ${file}`);
      // Registering is allowed (the file itself is readable); what it reaches for must fail.
      attempts.leakedNothing(await registerLocation(target, token, spec), `register ${file}`);
    }
    attempts.assertAllRefused();
  });

  it('refuses placeholders and child locations in a file location that climb out of it', async () => {
    const attempts = createAttempts(target.secrets);
    for (const file of Object.keys(fileAttacks(target.root))) {
      const spec = { type: 'file', target: join(target.root, 'repositories/attacker', file) };
      attempts.refused(await registerLocation(target, token, spec, true), `dry-run of ${file}`);
      attempts.leakedNothing(await registerLocation(target, token, spec), `register ${file}`);
    }
    attempts.assertAllRefused();
  });

  it('refuses validate-entity with placeholders that reach for files', async () => {
    const attempts = createAttempts(target.secrets);
    const cases = [
      { location: `url:${hostedUrl('x.yaml')}`, text: `file://${target.root}/data/secret.json` },
      { location: `url:${hostedUrl('x.yaml')}`, text: `file://${target.root}/app-config.security.yaml` },
      { location: `file:${target.root}/repositories/attacker/x.yaml`, text: '../../data/secret.json' },
      { location: `file:${target.root}/repositories/attacker/x.yaml`, text: '../data-link/secret.json' },
      // The location is the caller's word: claiming one in the data directory must not help.
      { location: `file:${target.root}/data/x.yaml`, text: './secret.json' },
      { location: `file:${target.root}/x.yaml`, text: './app-config.security.yaml' },
    ];
    for (const { location: where, text } of cases) {
      const body = { entity: api('atk-validate', { $text: text }), location: where };
      const reply = await target.call('POST', '/api/catalog/validate-entity', { token, body });
      attempts.refused(reply, `validate-entity at ${where} reading ${text}`);
    }
    attempts.assertAllRefused();
  });

  it('leaves no planted secret and no entity read from a forbidden file anywhere in the catalog', async () => {
    // A sentinel registered last: once it is in, the attacks registered before it were processed.
    host.serve('/acme/attacker/blob/main/sentinel.yaml', yamlDocuments(component('atk-sentinel')));
    await registerLocation(target, token, { type: 'url', target: hostedUrl('sentinel.yaml') });
    await waitForEntity(target, token, { kind: 'component', name: 'atk-sentinel' });
    const catalog = await wholeCatalog(target, token);
    expect(catalog.status).toBe(200);
    expectNoSecret(target.secrets, catalog, 'the catalog');
    expect(leakedEntityNames(catalog)).toEqual([]);
    const own = await target.call('GET', `/api/catalog/locations/${ownLocationId}`, { token });
    expect((own.json as { target?: string }).target).toBe(hostedUrl('benign.yaml'));
  });
});
