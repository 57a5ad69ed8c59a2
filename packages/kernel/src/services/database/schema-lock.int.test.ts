import { randomBytes } from 'node:crypto';
import { TEST_POSTGRES_URL } from '@atrium/test-kit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDuplicateSchemaError } from './schema-lock.js';

describe('isDuplicateSchemaError (PostgreSQL)', () => {
  const schema = `t${randomBytes(5).toString('hex')}_dup`;
  const a = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  const b = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  beforeAll(async () => {
    await Promise.all([a.connect(), b.connect()]);
  });
  afterAll(async () => {
    await a.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all([a.end(), b.end()]);
  });

  it('knows the errors of a schema created twice, and no other error', async () => {
    // A creates the schema and has not committed: B's CREATE ... IF NOT EXISTS cannot see it,
    // waits on the unique index, and fails with a unique violation once A commits.
    await a.query('BEGIN');
    await a.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const bPid = (await b.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    const raced = b.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).then(
      () => undefined,
      (error: unknown) => error,
    );
    for (let polls = 0; ; polls++) {
      if (polls > 500) throw new Error('the second CREATE SCHEMA never waited for the first');
      const { rows } = await a.query<{ waiting: boolean }>(
        "select wait_event_type = 'Lock' as waiting from pg_stat_activity where pid = $1",
        [bPid],
      );
      if (rows[0]?.waiting) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await a.query('COMMIT');
    const race = await raced;
    expect(race).toMatchObject({ code: '23505', constraint: 'pg_namespace_nspname_index' });
    expect(isDuplicateSchemaError(race)).toBe(true);

    const duplicate = await b.query(`CREATE SCHEMA "${schema}"`).catch((error: unknown) => error);
    expect(duplicate).toMatchObject({ code: '42P06' });
    expect(isDuplicateSchemaError(duplicate)).toBe(true);

    await b.query(`CREATE TABLE "${schema}".t (id int primary key)`);
    await b.query(`INSERT INTO "${schema}".t VALUES (1)`);
    const otherUnique = await b
      .query(`INSERT INTO "${schema}".t VALUES (1)`)
      .catch((error: unknown) => error);
    expect(otherUnique).toMatchObject({ code: '23505' });
    expect(isDuplicateSchemaError(otherUnique)).toBe(false);
    const denied = await b.query('CREATE SCHEMA "pg_nope"').catch((error: unknown) => error);
    expect(isDuplicateSchemaError(denied)).toBe(false);
    expect(isDuplicateSchemaError(new Error(`schema "${schema}" already exists`))).toBe(false);
  });
});
