import { join } from 'node:path';
import { sql } from '@atrium/kernel';
import { startPluginDatabase, type TestDatabaseVariant } from '@atrium/test-kit';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { pluginsMigrations } from './migrations.js';
import { createPluginsStore, type PluginsStore } from './plugins-store.js';
import type { PluginsTables, VersionRow } from './tables.js';

const versionRow = (integrity: string): VersionRow => ({
  plugin_id: 'hello',
  version: '1.0.0',
  source: 'upload',
  integrity,
  installed_at_ms: Date.now(),
  declaration: '{}',
  tarball: '',
});

describe('the plugins store on the kernel database service', () => {
  const running: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of running.splice(0)) await stop();
  });
  // The store's tables in a real kernel database of a plugin 'store'.
  const open = async (variant: TestDatabaseVariant) => {
    const { service, config, stop } = await startPluginDatabase(variant, {
      id: 'store',
      migrations: pluginsMigrations,
    });
    running.push(stop);
    const db = await service.getClient<PluginsTables>();
    const store: PluginsStore = createPluginsStore(service, db);
    return { store, db, directory: (config.connection as { directory?: string }).directory };
  };

  it('stores a version on SQLite after meeting another process holding the write lock', async () => {
    const { store, db, directory } = await open('sqlite-file');
    // Without a wait for the lock, the first attempt fails at once with SQLITE_BUSY.
    await sql`PRAGMA busy_timeout = 0`.execute(db);
    const other = new Database(join(directory!, 'store.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    // Released before a third attempt can start (the backoffs are 20 ms, then 40 ms, at least).
    const release = setTimeout(() => other.exec('COMMIT'), 50);
    try {
      expect(await store.addVersion(versionRow('sha-a'), '@acme/hello', 'backend')).toBe(true);
    } finally {
      clearTimeout(release);
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
    expect((await store.get('hello'))?.versions.map((v) => v.integrity)).toEqual(['sha-a']);
  });

  it('stores a version once when four callers store it at the same time on PostgreSQL', async () => {
    const { store } = await open('postgres');
    const added = await Promise.all(
      [1, 2, 3, 4].map(() => store.addVersion(versionRow('sha-a'), '@acme/hello', 'backend')),
    );
    expect(added.sort()).toEqual([false, false, false, true]);
    expect((await store.get('hello'))?.versions.map((v) => v.integrity)).toEqual(['sha-a']);
  });
});
