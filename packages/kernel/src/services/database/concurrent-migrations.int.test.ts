import { randomBytes } from 'node:crypto';
import { createTestDatabase, startTestBackend, TEST_POSTGRES_URL } from '@atrium/test-kit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelMigrations } from '../../boot/kernel-migrations.js';
import { definePlugin } from '../../definitions/define-plugin.js';
import type { Migrations } from '../../definitions/migrations.js';
import { createDatabaseManager } from './create-database-manager.js';
import { databaseConfigSchema } from './database-config.js';

const BACKENDS = 4;
const ROUNDS = 4;

/** Migrations that record every time one of them really runs. */
function countingMigrations(applied: string[]): Migrations {
  return {
    '0001_notes': {
      async up(db) {
        applied.push('0001_notes');
        await db.schema
          .createTable('notes')
          .addColumn('id', 'serial', (c) => c.primaryKey())
          .addColumn('text', 'text')
          .execute();
      },
    },
    '0002_notes_author': {
      async up(db) {
        applied.push('0002_notes_author');
        await db.schema.alterTable('notes').addColumn('author', 'text').execute();
      },
    },
  };
}

/**
 * Creates and drops schemas of another prefix until stopped, as the cleanups of other test
 * files (or another application on the same database) do while backends boot.
 */
function churnOtherSchemas(): { stop(): Promise<void> } {
  let running = true;
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  const prefix = `churn${randomBytes(4).toString('hex')}_`;
  const loop = (async () => {
    await client.connect();
    for (let i = 0; running; i++) {
      const schema = `${prefix}${i % 3}`;
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".t (id serial primary key, v text)`);
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
    }
  })();
  return {
    async stop() {
      running = false;
      try {
        await loop;
      } finally {
        await client.end();
      }
    },
  };
}

describe('backends migrating one PostgreSQL at the same instant, while other schemas come and go', () => {
  let churn: ReturnType<typeof churnOtherSchemas>;
  beforeAll(() => {
    churn = churnOtherSchemas();
  });
  afterAll(() => churn.stop());

  it('each apply every migration exactly once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const database = await createTestDatabase('postgres');
      const config = databaseConfigSchema.parse(database.config);
      const managers = Array.from({ length: BACKENDS }, () => createDatabaseManager(config));
      const applied: string[] = [];
      try {
        const results = await Promise.all(
          managers.map(async (manager) => ({
            kernel: await manager.migrate('kernel', kernelMigrations),
            notes: await manager.migrate('notes', countingMigrations(applied)),
          })),
        );
        expect(applied.sort()).toEqual(['0001_notes', '0002_notes_author']);
        expect(results.flatMap((r) => r.notes).sort()).toEqual(['0001_notes', '0002_notes_author']);
        expect(results.flatMap((r) => r.kernel).sort()).toEqual(Object.keys(kernelMigrations).sort());
        const db = await managers[0]!.forPlugin('notes').getClient();
        const rows = await db.selectFrom('atrium_migrations').select('name').orderBy('name').execute();
        expect(rows.map((r) => r.name)).toEqual(['0001_notes', '0002_notes_author']);
      } finally {
        await Promise.all(managers.map((manager) => manager.close()));
        await database.cleanup();
      }
    }
  }, 120_000);

  it('boot together as whole backends sharing one prefix', async () => {
    for (let round = 0; round < 2; round++) {
      const database = await createTestDatabase('postgres');
      const applied: string[] = [];
      const plugin = definePlugin({
        id: 'notes',
        deps: {},
        migrations: countingMigrations(applied),
        init() {},
      });
      const started = await Promise.allSettled(
        Array.from({ length: BACKENDS }, () =>
          startTestBackend({ features: [plugin], config: { backend: { database: database.config } } }),
        ),
      );
      try {
        expect(started.filter((s) => s.status === 'rejected')).toEqual([]);
        expect(applied.sort()).toEqual(['0001_notes', '0002_notes_author']);
      } finally {
        await Promise.all(started.map(async (s) => s.status === 'fulfilled' && s.value.stop()));
        await database.cleanup();
      }
    }
  }, 120_000);
});
