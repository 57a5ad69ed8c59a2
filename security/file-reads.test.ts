// Class 1 (catalog paths): a signed-in user tries to make the catalog read the server's
// files — the SQLite data directory, a config file, git history — by every path that reads.
import { join } from 'node:path';
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackTarget, startAttackTarget } from './support/attack-target.js';
import {
  api,
  component,
  registerLocation,
  waitForEntity,
  wholeCatalog,
  yamlDocuments,
} from './support/attacker-actions.js';
import { createAttempts, expectNoSecret, leakedEntityNames } from './support/expect-refused.js';
import { directTargets, fileAttacks, hostedAttacks } from './support/file-read-attacks.js';
import { type LoopbackHost, startLoopbackHost } from './support/loopback-host.js';
import { type PlantedRepositories, plantFiles, plantRepositories } from './support/planted-repositories.js';

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
