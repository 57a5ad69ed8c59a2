import type { MigrationDb, Migrations } from '@atrium/kernel';

async function createDefinitionsAndFacts(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('scorecards_definitions')
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('id', 'varchar(100)', (c) => c.notNull())
    .addColumn('source_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('source_location', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecards_definitions_pk', ['kind', 'id'])
    .execute();
  await db.schema
    .createTable('scorecards_facts')
    .addColumn('entity_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('fact_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('error', 'text')
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecards_facts_pk', ['entity_ref', 'fact_ref'])
    .execute();
  await db.schema
    .createTable('scorecards_entities')
    .addColumn('entity_ref', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('owner_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
}

async function createResults(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('scorecards_results')
    .addColumn('entity_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('check_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('scope', 'varchar(100)', (c) => c.notNull())
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(300)', (c) => c.notNull())
    .addColumn('last_checked', 'bigint', (c) => c.notNull())
    .addColumn('state_since', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecards_results_pk', ['entity_ref', 'check_id', 'scope'])
    .execute();
  // A check's results across entities, paged by state.
  await db.schema
    .createIndex('scorecards_results_check')
    .on('scorecards_results')
    .columns(['check_id', 'scope', 'state', 'entity_ref'])
    .execute();
  await db.schema
    .createTable('scorecards_history')
    .addColumn('entity_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('check_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('scope', 'varchar(100)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(20)')
    .addColumn('to_state', 'varchar(20)', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(300)', (c) => c.notNull())
    .addColumn('owner_ref', 'varchar(300)')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  // History is read per entity, per check, per team, or for everything since a time.
  for (const column of ['entity_ref', 'check_id', 'owner_ref']) {
    await db.schema
      .createIndex(`scorecards_history_${column}`)
      .on('scorecards_history')
      .columns([column, 'at'])
      .execute();
  }
  await db.schema.createIndex('scorecards_history_at').on('scorecards_history').columns(['at']).execute();
}

async function createCertificationsAndExemptions(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('scorecards_certifications')
    .addColumn('entity_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('track_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('owner_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('level_ordinal', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('certified_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecards_certifications_pk', ['entity_ref', 'track_id'])
    .execute();
  // The overview groups by track, owner and level; the team grid reads by owner.
  await db.schema
    .createIndex('scorecards_certifications_track_owner')
    .on('scorecards_certifications')
    .columns(['track_id', 'owner_ref', 'level_ordinal'])
    .execute();
  await db.schema
    .createIndex('scorecards_certifications_owner')
    .on('scorecards_certifications')
    .columns(['owner_ref', 'entity_ref'])
    .execute();
  await db.schema
    .createTable('scorecards_exemptions')
    .addColumn('check_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('entity_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('user_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(10)')
    .addColumn('approved_by', 'varchar(300)')
    .addColumn('revoked_by', 'varchar(300)')
    .addColumn('revoke_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecards_exemptions_pk', ['check_id', 'entity_ref'])
    .execute();
}

/** The scorecards plugin's migrations. Append-only: never edit a released one. */
export const scorecardsMigrations: Migrations = {
  '0001_scorecards': {
    async up(db) {
      await createDefinitionsAndFacts(db);
      await createResults(db);
      await createCertificationsAndExemptions(db);
    },
  },
  // A full evaluation whose results equal the last one's (same digest) writes nothing for
  // the entity; the results' lastChecked is the entity's last evaluation instead.
  '0002_scorecards_evaluated_at': {
    async up(db) {
      await db.schema.alterTable('scorecards_entities').addColumn('evaluated_at', 'bigint').execute();
      await db.schema.alterTable('scorecards_entities').addColumn('results_digest', 'varchar(64)').execute();
    },
  },
};
