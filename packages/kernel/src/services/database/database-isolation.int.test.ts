import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, startTestBackend, testDatabaseKinds } from '@atrium/test-kit';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { definePlugin } from '../../definitions/define-plugin.js';
import type { Migrations } from '../../definitions/migrations.js';
import { coreServices } from '../core-services.js';
import type { DatabaseService } from './database-service.js';

const notesMigrations: Migrations = {
  '0001_notes': {
    async up(db) {
      await db.schema
        .createTable('notes')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('text', 'text')
        .execute();
    },
  },
  '0002_notes_author': {
    async up(db) {
      await db.schema.alterTable('notes').addColumn('author', 'text').execute();
    },
  },
};

function notesPlugin(id: string, sink: Record<string, DatabaseService>) {
  return definePlugin({
    id,
    deps: { db: coreServices.database },
    migrations: notesMigrations,
    init({ deps }) {
      sink[id] = deps.db;
    },
  });
}

describe.each(testDatabaseKinds())('per-plugin databases on %s', (kind) => {
  it('runs each plugin its migrations and keeps plugins apart', async () => {
    const database = await createTestDatabase(kind, {
      sqliteDirectory: kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'atrium-db-')) : undefined,
    });
    const dbs: Record<string, DatabaseService> = {};
    const backend = await startTestBackend({
      features: [notesPlugin('alpha', dbs), notesPlugin('beta', dbs)],
      config: { backend: { database: database.config } },
    });
    try {
      const alpha = await dbs.alpha!.getClient();
      const beta = await dbs.beta!.getClient();
      await alpha.insertInto('notes').values({ id: 1, text: 'only alpha', author: 'a' }).execute();
      expect(await alpha.selectFrom('notes').select('text').execute()).toEqual([{ text: 'only alpha' }]);
      expect(await beta.selectFrom('notes').selectAll().execute()).toEqual([]);
      const applied = await alpha.selectFrom('atrium_migrations').select('name').orderBy('name').execute();
      expect(applied.map((r) => r.name)).toEqual(['0001_notes', '0002_notes_author']);
      expect(dbs.alpha!.client).toBe(kind);
      if (kind === 'postgres') {
        const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(alpha);
        expect(rows[0]?.schema).toMatch(/_alpha$/);
      }
    } finally {
      await backend.stop();
      await database.cleanup();
    }
  });

  it('keeps data across restarts and does not re-run migrations', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'atrium-db-'));
    const database = await createTestDatabase(kind, { sqliteDirectory: directory });
    const config = { backend: { database: database.config } };
    try {
      const first: Record<string, DatabaseService> = {};
      const one = await startTestBackend({ features: [notesPlugin('alpha', first)], config });
      await (await first.alpha!.getClient()).insertInto('notes').values({ id: 7, text: 'kept' }).execute();
      await one.stop();
      const second: Record<string, DatabaseService> = {};
      const two = await startTestBackend({ features: [notesPlugin('alpha', second)], config });
      const rows = await (await second.alpha!.getClient()).selectFrom('notes').select('text').execute();
      await two.stop();
      expect(rows).toEqual([{ text: 'kept' }]);
    } finally {
      await database.cleanup();
    }
  });

  it('fails startup naming the plugin and migration that broke', async () => {
    const database = await createTestDatabase(kind);
    const broken = definePlugin({
      id: 'broken',
      deps: {},
      migrations: { '0001_bad': { up: async (db) => void (await sql`this is not sql`.execute(db)) } },
      init() {},
    });
    try {
      await expect(
        startTestBackend({ features: [broken], config: { backend: { database: database.config } } }),
      ).rejects.toThrowError(/migration '0001_bad' of plugin 'broken' failed/);
    } finally {
      await database.cleanup();
    }
  });
});
