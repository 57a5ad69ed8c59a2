import { createTestDatabase, startTestBackend } from '@atrium/test-kit';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';
import type { DatabaseService } from './database-service.js';

function tallyPlugin(sink: { db?: DatabaseService }) {
  return definePlugin({
    id: 'tally',
    deps: { db: coreServices.database },
    migrations: {
      '0001_tally': {
        async up(db) {
          await db.schema.createTable('tally').addColumn('n', 'integer').execute();
        },
      },
    },
    init({ deps }) {
      sink.db = deps.db;
    },
  });
}

describe('PostgreSQL heavy reads (getWorkerReader)', () => {
  it('run on the plugin schema without parallel plans or JIT, and see committed writes', async () => {
    const database = await createTestDatabase('postgres');
    const sink: { db?: DatabaseService } = {};
    const backend = await startTestBackend({
      features: [tallyPlugin(sink)],
      config: { backend: { database: database.config } },
    });
    try {
      const write = await sink.db!.getClient();
      const heavy = await sink.db!.getWorkerReader();
      await write
        .insertInto('tally')
        .values([{ n: 1 }, { n: 2 }])
        .execute();
      const settings = sql<{ workers: string; jit: string; pageCost: string; schema: string }>`
        select current_setting('max_parallel_workers_per_gather') as workers, current_setting('jit') as jit,
          current_setting('random_page_cost') as "pageCost", current_schema() as schema`;
      const [session] = (await settings.execute(heavy)).rows;
      const [writeSession] = (await settings.execute(write)).rows;
      expect(session).toMatchObject({
        workers: '0',
        jit: 'off',
        pageCost: '1.1',
        schema: writeSession!.schema,
      });
      // Committed writes are visible to the heavy reads at once.
      const { rows } = await sql<{ total: number }>`select sum(n)::int as total from tally`.execute(heavy);
      expect(rows[0]!.total).toBe(3);
    } finally {
      await backend.stop();
      await database.cleanup();
    }
  });
});
