// Class 2 and 1 for the plugin manager's install sources: an admin's install request (or a
// registry the attacker controls) tries to make the server fetch from places only it can
// reach, fetch without limit, or pack files from outside plugins.allowedRoots into a
// package (the data directory, through `..`, symlinks, or a bare repository's tree with an
// injected ref). Installing is admin-only, but the sources are not trusted: a registry's
// metadata, a folder's symlinks and a repository's tree come from elsewhere.
// The reads do not touch the database, so SQLite alone is enough here.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackTarget, startAttackTarget } from './support/attack-target.js';
import { createAttempts } from './support/expect-refused.js';
import { type LoopbackHost, startLoopbackHost } from './support/loopback-host.js';
import {
  packPluginPackage,
  packument,
  plantPackageRepository,
  writePluginPackage,
} from './support/plugin-packages.js';
import { createMarker } from './support/secrets.js';

const MAX_TARBALL = 64 * 1024;

/** The stored package of a plugin, unzipped, as text: read from the plugin manager's SQLite file. */
function storedTarball(dataDir: string, pluginId: string): string {
  const db = new Database(join(dataDir, 'plugins.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT tarball FROM plugins_versions WHERE plugin_id = ?').get(pluginId) as {
      tarball: string;
    };
    return gunzipSync(Buffer.from(row.tarball, 'base64')).toString('latin1');
  } finally {
    db.close();
  }
}

describe('plugin install sources', () => {
  let target: AttackTarget;
  let registry: LoopbackHost;
  let internal: LoopbackHost;
  let token: string;
  let sources: string;
  const internalMarker = createMarker('internal');
  const install = (source: unknown) =>
    target.call('POST', '/api/plugins/install', { token, body: { source } });
  const fromRegistry = (name: string) => install({ type: 'registry', name, version: '1.0.0' });
  const fromFolder = (path: string) => install({ type: 'folder', path });
  const serveTarball = (name: string, url: string, integrity?: string) =>
    registry.serve(`/${name}`, {
      body: packument(name, url, integrity),
      headers: { 'content-type': 'application/json' },
    });

  beforeAll(async () => {
    registry = await startLoopbackHost();
    internal = await startLoopbackHost();
    target = await startAttackTarget('sqlite', {
      config: (root) => ({
        backend: { reading: { allow: [{ host: registry.host }] } },
        plugins: {
          allowedRoots: [join(root, 'plugin-sources')],
          registry: { url: registry.origin },
          maxTarballBytes: MAX_TARBALL,
        },
      }),
    });
    target.secrets.add(internalMarker);
    token = await target.backend.userToken('user:default/plugin-admin', ['group:default/platform']);
    sources = join(target.root, 'plugin-sources');
    mkdirSync(sources);
    internal.serve('/pkg.tgz', internalMarker);
    internal.serve('/latest/meta-data/pkg.tgz', internalMarker);
  }, 120_000);
  afterAll(async () => {
    await target?.stop();
    await registry?.close();
    await internal?.close();
  });

  it('still installs what it should: a registry package on an allowed host, a folder under the root, a tree at a branch', async () => {
    const good = packPluginPackage('zz-good');
    registry.serve('/good.tgz', {
      body: good.tarball,
      headers: { 'content-type': 'application/octet-stream' },
    });
    serveTarball('zz-good', `${registry.origin}/good.tgz`, good.integrity);
    const fetched = await fromRegistry('zz-good');
    expect(fetched.status, fetched.text).toBe(201);
    expect(fetched.json).toMatchObject({ pluginId: 'zz-good', integrity: good.integrity });

    writePluginPackage(join(sources, 'folder-pkg'), 'zz-folder');
    const folder = await fromFolder(join(sources, 'folder-pkg'));
    expect(folder.status, folder.text).toBe(201);

    const bare = plantPackageRepository(sources, 'packages', target.dataSecretFile);
    const tree = await fromFolder(`${bare}/tree/main/pkg`);
    expect(tree.status, tree.text).toBe(201);
    expect(tree.json).toMatchObject({ pluginId: 'zz-from-git' });
  });

  it('refuses registry metadata that points the tarball at an internal host, the metadata address or a redirect there', async () => {
    const attempts = createAttempts(target.secrets);
    const tarballs = {
      'zz-internal': `${internal.origin}/pkg.tgz`,
      'zz-metadata': 'http://169.254.169.254/latest/meta-data/pkg.tgz',
      'zz-spelled': `http://0x7f000001:${internal.port}/pkg.tgz`,
      'zz-redirect': `${registry.origin}/redirect.tgz`,
    };
    registry.serve('/redirect.tgz', { status: 302, headers: { location: `${internal.origin}/pkg.tgz` } });
    for (const [name, url] of Object.entries(tarballs)) {
      serveTarball(name, url);
      attempts.refused(await fromRegistry(name), `${name} (tarball at ${url})`);
    }
    attempts.check(
      internal.requests.length === 0,
      `the internal host was asked: ${internal.requests.join(', ')}`,
    );
    attempts.assertAllRefused();
  });

  it('refuses a registry that is not on backend.reading.allow, without asking it', async () => {
    const other = await startAttackTarget('sqlite', {
      config: { plugins: { registry: { url: `${internal.origin}/` } } },
    });
    try {
      const admin = await other.backend.userToken('user:default/plugin-admin', ['group:default/platform']);
      const reply = await other.call('POST', '/api/plugins/install', {
        token: admin,
        body: { source: { type: 'registry', name: 'zz-anything', version: '1.0.0' } },
      });
      expect(reply.status).toBe(403);
      expect(reply.text).toContain('is not in backend.reading.allow');
      expect(internal.requests).toEqual([]);
    } finally {
      await other.stop();
    }
  }, 120_000);

  it('refuses a tarball over plugins.maxTarballBytes and stores nothing of it', async () => {
    const big = packPluginPackage('zz-big', MAX_TARBALL * 2);
    registry.serve('/big.tgz', {
      body: big.tarball,
      headers: { 'content-type': 'application/octet-stream' },
    });
    serveTarball('zz-big', `${registry.origin}/big.tgz`, big.integrity);
    const reply = await fromRegistry('zz-big');
    expect(reply.status).toBe(413);
    expect(reply.text).toContain(`over the limit of ${MAX_TARBALL}`);
    const uploaded = await install({ type: 'upload', tarball: big.tarball.toString('base64') });
    expect(uploaded.status).toBe(413);
    expect((await target.call('GET', '/api/plugins/installed/zz-big', { token })).status).toBe(404);
  });

  it('refuses folders outside plugins.allowedRoots: elsewhere, through .., through symlinks', async () => {
    const attempts = createAttempts(target.secrets);
    writePluginPackage(join(target.dataDir, 'pkg'), 'zz-in-data');
    symlinkSync(join(target.dataDir, 'pkg'), join(sources, 'data-link'));
    writePluginPackage(join(target.repositories, 'pkg'), 'zz-in-repositories');
    symlinkSync(join(target.repositories, 'pkg'), join(sources, 'repositories-link'));
    const folders = [
      join(target.dataDir, 'pkg'),
      `${sources}/../data/pkg`,
      'plugin-sources/folder-pkg',
      join(sources, 'data-link'),
      // Readable by the catalog, but not a plugin source: only plugins.allowedRoots are.
      join(sources, 'repositories-link'),
    ];
    for (const folder of folders) attempts.refused(await fromFolder(folder), `folder ${folder}`);
    attempts.assertAllRefused();
  });

  it('leaves a symlinked file out of a folder package: the stored tarball holds none of its target', async () => {
    writePluginPackage(join(sources, 'file-link'), 'zz-file-link');
    symlinkSync(join(target.dataDir, 'secret.json'), join(sources, 'file-link', 'secret.json'));
    const reply = await fromFolder(join(sources, 'file-link'));
    expect(reply.status, reply.text).toBe(201);
    const stored = storedTarball(target.dataDir, 'zz-file-link');
    expect(stored).toContain('package/package.json');
    expect(stored).not.toContain('secret.json');
    expect(target.secrets.foundIn(stored)).toEqual([]);
  });

  it('refuses ref injection, .. and symlinks in a bare repository tree', async () => {
    const attempts = createAttempts(target.secrets);
    const bare = plantPackageRepository(sources, 'attacker', target.dataSecretFile);
    const planted = join(target.root, 'pwned');
    const paths = [
      `${bare}/tree/--upload-pack=touch ${planted}/pkg`,
      `${bare}/tree/--output=${planted}/pkg`,
      `${bare}/tree/main~1/pkg`,
      `${bare}/tree/main:pkg/pkg`,
      `${bare}/tree/main/../../../data`,
      `${bare}/tree/main/pkg/../../../../../data/pkg`,
      // package.json is a symlink to the data directory's secret: never followed, so no package.
      `${bare}/tree/main/linked`,
    ];
    for (const path of paths) attempts.refused(await fromFolder(path), `tree ${path}`);
    attempts.check(!existsSync(planted), `a ref ran a command: ${planted} exists`);
    attempts.assertAllRefused();
  });
});
