import type { DatabaseService } from '@atrium/kernel';
import type { Kysely } from 'kysely';
import { createCertificationStore } from '../store/certification-store.js';
import { createDefinitionStore } from '../store/definition-store.js';
import { createEntityStore } from '../store/entity-store.js';
import { createExemptionStore } from '../store/exemption-store.js';
import { createFactStore } from '../store/fact-store.js';
import { createHistoryStore } from '../store/history-store.js';
import { createResultStore } from '../store/result-store.js';
import type { ScorecardsTables } from '../store/tables.js';

/** Every store of the plugin, over one connection (and the kernel's transactions, for writes that need them). */
export function createScorecardsStores(
  db: Kysely<ScorecardsTables>,
  database: Pick<DatabaseService, 'transaction'>,
) {
  return {
    definitions: createDefinitionStore(db, database),
    facts: createFactStore(db),
    entities: createEntityStore(db),
    results: createResultStore(db, database),
    history: createHistoryStore(db),
    certifications: createCertificationStore(db),
    exemptions: createExemptionStore(db),
  };
}

/** The plugin's stores. */
export type ScorecardsStores = ReturnType<typeof createScorecardsStores>;
