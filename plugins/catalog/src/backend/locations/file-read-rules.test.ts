import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONFIG_SECRET,
  componentYaml,
  HISTORY_SECRET,
  PRIVATE_SECRET,
  REMOTE_SECRET,
  type ReadingProject,
  startReadingProject,
  write,
} from '../__fixtures__/reading-project.js';

// An attacker who may register locations tries to read the server's files (the SQLite
// files with the token-signing keys, the config) through every path that reads.
const SECRETS = [CONFIG_SECRET, PRIVATE_SECRET, HISTORY_SECRET, REMOTE_SECRET, 'SQLite format 3'];

const location = (name: string, spec: object) =>
  JSON.stringify({ apiVersion: 'backstage.io/v1alpha1', kind: 'Location', metadata: { name }, spec });

function expectRefused(result: { status: number; text: string }, ...fragments: string[]) {
  expect(result.status, result.text).toBe(400);
  for (const fragment of fragments) expect(result.text).toContain(fragment);
  for (const secret of SECRETS) expect(result.text).not.toContain(secret);
}

describe('file reads through the catalog, with the shipped layout', () => {
  let project: ReadingProject;
  let dir: string;
  const attacks = () => join(dir, 'repositories', 'attacks');
  const dryRun = (type: string, target: string) =>
    project.send('POST', '/locations?dryRun=true', { type, target });

  beforeAll(async () => {
    project = await startReadingProject({
      remote: (root) => ({
        '/acme/app/blob/main/abs-file.yaml': componentYaml('remote-abs', {
          $text: pathToFileURL(join(root, 'app-config.yaml')).href,
        }),
        '/acme/app/blob/main/climb.yaml': componentYaml('remote-climb', {
          $text: '../../../../other/blob/main/secret.txt',
        }),
        '/acme/app/blob/main/file-child.yaml': location('remote-file-child', {
          type: 'file',
          target: join(root, 'catalog', 'private.yaml'),
        }),
        '/acme/app/blob/main/ok.yaml': componentYaml('remote-ok', { $text: './docs/readme.md' }),
        '/acme/app/blob/main/docs/readme.md': 'remote readme',
      }),
    });
    dir = project.dir;
    const attack = (name: string, text: string) => write(join(attacks(), name), text);
    attack('abs-path.yaml', componentYaml('abs-path', { $text: join(dir, 'app-config.yaml') }));
    attack(
      'abs-file-url.yaml',
      componentYaml('abs-file-url', { $text: pathToFileURL(join(dir, 'data', 'catalog.sqlite')).href }),
    );
    attack('climb.yaml', componentYaml('climb', { $text: '../../app-config.yaml' }));
    attack('climb-data.yaml', componentYaml('climb-data', { $text: '../../data/catalog.sqlite' }));
    attack('link.yaml', componentYaml('link', { $text: '../link.yaml' }));
    attack(
      'child-escape.yaml',
      location('child-escape', { type: 'file', target: '../../catalog/private.yaml' }),
    );
    attack('child-data.yaml', location('child-data', { type: 'file', target: '../../data/leak.yaml' }));
    attack('nested-ok.yaml', componentYaml('nested-ok', { $text: '../app/docs/../docs/readme.md' }));
    attack(
      'forged.yaml',
      JSON.stringify({
        ...JSON.parse(componentYaml('forged', { $text: './private.yaml' })),
        metadata: {
          name: 'forged',
          annotations: { 'backstage.io/managed-by-location': `file:${join(dir, 'catalog', 'all.yaml')}` },
        },
      }),
    );
  });
  afterAll(() => project.stop());

  it('refuses a url location with a file: target, asking for type file', async () => {
    const target = pathToFileURL(join(dir, 'data', 'catalog.sqlite')).href;
    expectRefused(await dryRun('url', target), "type 'file'");
    expectRefused(await project.send('POST', '/locations', { type: 'url', target }), "type 'file'");
    expectRefused(
      await project.send('POST', '/locations', {
        type: 'url',
        target: pathToFileURL(join(dir, 'app-config.yaml')).href,
      }),
      "type 'file'",
    );
    const created = await project.send('POST', '/locations', {
      type: 'url',
      target: `${project.origin}/acme/app/blob/main/ok.yaml`,
    });
    expect(created.status, created.text).toBe(201);
    const { id } = JSON.parse(created.text).location;
    expectRefused(await project.send('PUT', `/locations/${id}`, { type: 'url', target }), "type 'file'");
  });

  it('refuses registering what the server could not read, naming the setting', async () => {
    expectRefused(
      await project.send('POST', '/locations', {
        type: 'url',
        target: 'http://forbidden.example.com/x.yaml',
      }),
      'backend.reading.allow',
    );
    expectRefused(
      await project.send('POST', '/locations', {
        type: 'file',
        target: join(dir, 'repositories', 'link.yaml'),
      }),
      'catalog.allowedFileRoots',
    );
  });

  it('refuses placeholders that leave their location, absolute or ../, in file locations', async () => {
    for (const name of ['abs-path', 'abs-file-url', 'climb', 'climb-data'])
      expectRefused(await dryRun('file', join(attacks(), `${name}.yaml`)), 'outside the base');
    expectRefused(await dryRun('file', join(attacks(), 'link.yaml')), 'database directory');
  });

  it('refuses placeholders that leave their location or change type, in url locations', async () => {
    const base = `${project.origin}/acme/app/blob/main`;
    expectRefused(await dryRun('url', `${base}/abs-file.yaml`), 'same type as its location');
    expectRefused(await dryRun('url', `${base}/climb.yaml`), 'outside the base');
    expectRefused(await dryRun('url', `${base}/file-child.yaml`), "type 'file'");
  });

  it('resolves placeholders against the location the entity was read from, not one it claims', async () => {
    const result = await dryRun('file', join(attacks(), 'forged.yaml'));
    expect(result.status).toBe(400);
    expect(result.text).not.toContain(PRIVATE_SECRET);
    expect(result.text).toContain(join(attacks(), 'private.yaml'));
  });

  it('bounds a child Location of type file by its parent location', async () => {
    expectRefused(await dryRun('file', join(attacks(), 'child-escape.yaml')), 'outside the base');
    expectRefused(await dryRun('file', join(attacks(), 'child-data.yaml')), 'outside the base');
  });

  it('checks every file a glob location matches, symlinks resolved', async () => {
    expectRefused(await dryRun('file', join(dir, 'repositories', '*.yaml')), 'database directory');
  });

  it('applies the rule in analyze-location', async () => {
    expectRefused(
      await project.send('POST', '/analyze-location', {
        location: { type: 'url', target: pathToFileURL(join(dir, 'data')).href },
        catalogFilename: 'leak.yaml',
      }),
      "type 'file'",
    );
    expectRefused(
      await project.send('POST', '/analyze-location', {
        location: { type: 'file', target: join(dir, 'data', 'leak.yaml') },
      }),
      'catalog.allowedFileRoots',
    );
  });

  it('applies the rule in validate-entity, with its location', async () => {
    const entity = (description: unknown) => JSON.parse(componentYaml('validated', description));
    expectRefused(
      await project.send('POST', '/validate-entity', {
        entity: entity({ $text: '../app-config.yaml' }),
        location: `url:${pathToFileURL(join(dir, 'data', 'x.yaml')).href}`,
      }),
      'http(s)',
    );
    expectRefused(
      await project.send('POST', '/validate-entity', {
        entity: entity({ $text: pathToFileURL(join(dir, 'app-config.yaml')).href }),
        location: `url:${project.origin}/acme/app/blob/main/catalog-info.yaml`,
      }),
      'same type as its location',
    );
  });

  it("refuses a working tree's .git folder and git revision expressions", async () => {
    const repos = join(dir, 'repositories');
    expectRefused(
      await project.send('POST', '/locations', {
        type: 'file',
        target: join(repos, 'work', '.git', 'blob', 'HEAD', 'catalog-info.yaml'),
      }),
      "'.git' folder",
    );
    for (const ref of ['HEAD~1', 'main^{tree}', project.firstCommit]) {
      const target = join(repos, 'app.git', 'blob', ref, 'secret.yaml');
      expectRefused(
        await project.send('POST', '/locations', { type: 'file', target }),
        'branch and tag names',
      );
    }
  });

  it('reads what is allowed: nested relative placeholders, url placeholders, a bare repository at a branch', async () => {
    const nested = await dryRun('file', join(attacks(), 'nested-ok.yaml'));
    expect(nested.status, nested.text).toBe(201);
    expect(JSON.parse(nested.text).entities[1].spec.definition).toBe('readme');
    const remote = await dryRun('url', `${project.origin}/acme/app/blob/main/ok.yaml`);
    expect(JSON.parse(remote.text).entities[1].spec.definition).toBe('remote readme');
    const target = join(dir, 'repositories', 'app.git', 'blob', 'main', 'catalog-info.yaml');
    expect((await project.send('POST', '/locations', { type: 'file', target })).status).toBe(201);
    for (;;) {
      const found = await project.send('GET', '/entities/by-name/component/default/from-git');
      if (found.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('refuses the same reads when a registered location is processed for real', async () => {
    write(
      join(attacks(), 'mixed.yaml'),
      `${componentYaml('mixed-ok', { $text: './nested-ok.yaml' })}\n---\n${componentYaml('mixed-bad', { $text: '../../app-config.yaml' })}\n`,
    );
    const created = await project.send('POST', '/locations', {
      type: 'file',
      target: join(attacks(), 'mixed.yaml'),
    });
    expect(created.status, created.text).toBe(201);
    for (;;) {
      const found = await project.send('GET', '/entities/by-name/api/default/mixed-ok');
      if (found.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const all = await project.send('GET', '/entities');
    for (const secret of SECRETS) expect(all.text).not.toContain(secret);
  });
});

describe('file reads through the catalog, with the whole portal folder as an allowed root', () => {
  let project: ReadingProject;
  beforeAll(async () => {
    project = await startReadingProject({ allowedFileRoots: (root) => [root] });
  });
  afterAll(() => project.stop());

  it('never registers the SQLite files or the config file', async () => {
    const register = (target: string) => project.send('POST', '/locations', { type: 'file', target });
    expectRefused(await register(join(project.dir, 'data', 'catalog.sqlite')), 'database directory');
    expectRefused(await register(join(project.dir, 'data', 'leak.yaml')), 'database directory');
    expectRefused(await register(join(project.dir, 'app-config.yaml')), 'config file');
    expectRefused(
      await project.send('POST', '/locations?dryRun=true', {
        type: 'file',
        target: join(project.dir, 'data', 'leak.yaml'),
      }),
      'database directory',
    );
  });
});
