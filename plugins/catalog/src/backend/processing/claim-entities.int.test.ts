import { sql } from '@atrium/kernel';
import { startPluginDatabase, testDatabaseVariants } from '@atrium/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogMigrations } from '../database/catalog-migrations.js';
import { createSqlClient, type SqlClient } from '../database/sql-client.js';
import { claimDueEntities, reapExpiredLeases } from './claim-entities.js';

describe.each(testDatabaseVariants())('processing leases on %s', (kind) => {
  const running: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of running.splice(0)) await stop();
  });
  // The catalog's own tables, migrated by a real kernel database.
  const open = async (): Promise<SqlClient> => {
    const { service, stop } = await startPluginDatabase(kind, {
      id: 'leases',
      migrations: catalogMigrations,
    });
    running.push(stop);
    return createSqlClient(service, await service.getClient());
  };
  const addDue = async (db: SqlClient, refs: string[], dueAt: number) => {
    for (const ref of refs)
      await db.run(sql`INSERT INTO refresh_state (uid, entity_ref, unprocessed_entity, unprocessed_hash, next_update_at)
        VALUES (${`uid-${ref}`}, ${ref}, '{}', 'h', ${dueAt})`);
  };

  it('counts a lease that ran out once, and its entity is claimed again', async () => {
    const db = await open();
    const now = 1_000_000;
    await addDue(db, ['component:default/a', 'component:default/b'], now - 1);
    const first = await claimDueEntities(db, 10, now, 5_000);
    expect(first.map((claim) => claim.entityRef).sort()).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    // Still held: nothing expired, nothing due.
    expect(await reapExpiredLeases(db, now + 4_000)).toBe(0);
    expect(await claimDueEntities(db, 10, now + 4_000, 5_000)).toEqual([]);
    // The holder died: both leases run out, are counted once, and the entities are due again.
    expect(await reapExpiredLeases(db, now + 6_000)).toBe(2);
    expect(await reapExpiredLeases(db, now + 6_000)).toBe(0);
    expect(await claimDueEntities(db, 10, now + 6_000, 5_000)).toHaveLength(2);
  });
});
