import { ConflictError } from '@atrium/errors';
import type { DatabaseService } from '@atrium/kernel';
import type { Kysely } from 'kysely';
import { type RbacPolicy, rbacPolicySchema } from '../../common/index.js';

interface RbacTables {
  rbac_policy_versions: {
    version: number;
    policy: string;
    published_at: number | string;
    published_by: string;
    source: string;
    message: string | null;
  };
  rbac_draft: {
    id: string;
    policy: string;
    base_version: number | null;
    updated_at: number | string;
    updated_by: string;
  };
}

/** Where a version came from. */
export type VersionSource = 'ui' | 'file' | 'restore';

/** A published version. */
export interface StoredVersion {
  version: number;
  policy: RbacPolicy;
  publishedAt: string;
  publishedBy: string;
  source: VersionSource;
  message?: string;
}

/** The draft. */
export interface StoredDraft {
  policy: RbacPolicy;
  baseVersion: number | null;
  updatedAt: string;
  updatedBy: string;
}

type VersionRow = RbacTables['rbac_policy_versions'];

const DRAFT_ID = 'draft';

// Stored policies passed validation when written; parsing again fills defaults.
const parsePolicy = (text: string): RbacPolicy => rbacPolicySchema.parse(JSON.parse(text));

function toVersion(
  row: Omit<VersionRow, 'policy'> & { policy?: string },
): Omit<StoredVersion, 'policy'> & { policy?: RbacPolicy } {
  return {
    version: Number(row.version),
    publishedAt: new Date(Number(row.published_at)).toISOString(),
    publishedBy: row.published_by,
    source: row.source as VersionSource,
    ...(row.message ? { message: row.message } : {}),
    ...(row.policy !== undefined ? { policy: parsePolicy(row.policy) } : {}),
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The policy's versions and draft in the plugin's database. */
export interface PolicyStore {
  latestVersionNumber(): Promise<number | null>;
  getVersion(version: number): Promise<StoredVersion | undefined>;
  getLatest(): Promise<StoredVersion | undefined>;
  listVersions(): Promise<Array<Omit<StoredVersion, 'policy'>>>;
  /** Publishes a new version (the next number) and resets the draft to it. */
  publish(options: {
    policy: RbacPolicy;
    by: string;
    source: VersionSource;
    message?: string;
    onlyIfChanged?: boolean;
  }): Promise<StoredVersion | undefined>;
  getDraft(): Promise<StoredDraft | undefined>;
  saveDraft(draft: { policy: RbacPolicy; baseVersion: number | null; by: string }): Promise<StoredDraft>;
}

type Db = () => Promise<Kysely<RbacTables>>;

function versionReads(
  db: Db,
): Pick<PolicyStore, 'latestVersionNumber' | 'getVersion' | 'getLatest' | 'listVersions'> {
  return {
    async latestVersionNumber() {
      const row = await (await db())
        .selectFrom('rbac_policy_versions')
        .select((eb) => eb.fn.max('version').as('version'))
        .executeTakeFirst();
      return row?.version === null || row?.version === undefined ? null : Number(row.version);
    },
    async getVersion(version) {
      const row = await (await db())
        .selectFrom('rbac_policy_versions')
        .selectAll()
        .where('version', '=', version)
        .executeTakeFirst();
      return row ? (toVersion(row) as StoredVersion) : undefined;
    },
    async getLatest() {
      const row = await (await db())
        .selectFrom('rbac_policy_versions')
        .selectAll()
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? (toVersion(row) as StoredVersion) : undefined;
    },
    async listVersions() {
      const rows = await (await db())
        .selectFrom('rbac_policy_versions')
        .select(['version', 'published_at', 'published_by', 'source', 'message'])
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toVersion);
    },
  };
}

async function publishVersion(
  database: DatabaseService,
  { policy, by, source, message, onlyIfChanged }: Parameters<PolicyStore['publish']>[0],
): Promise<StoredVersion | undefined> {
  const text = JSON.stringify(policy);
  const now = Date.now();
  try {
    return await database.transaction<RbacTables, StoredVersion | undefined>(async (trx) => {
      const latest = await trx
        .selectFrom('rbac_policy_versions')
        .select(['version', 'policy'])
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (onlyIfChanged && latest && latest.policy === text) return undefined;
      const version = (latest ? Number(latest.version) : 0) + 1;
      await trx
        .insertInto('rbac_policy_versions')
        .values({
          version,
          policy: text,
          published_at: now,
          published_by: by,
          source,
          message: message ?? null,
        })
        .execute();
      await trx.deleteFrom('rbac_draft').where('id', '=', DRAFT_ID).execute();
      const published = { publishedAt: new Date(now).toISOString(), publishedBy: by, source };
      return { version, policy, ...published, ...(message ? { message } : {}) };
    });
  } catch (error) {
    // Two backends publishing at once: the second insert of the same number loses.
    if (isUniqueViolation(error)) {
      throw new ConflictError('another version was published at the same time; reload and publish again', {
        cause: error,
      });
    }
    throw error;
  }
}

function draftAccess(database: DatabaseService, db: Db): Pick<PolicyStore, 'getDraft' | 'saveDraft'> {
  return {
    async getDraft() {
      const row = await (await db())
        .selectFrom('rbac_draft')
        .selectAll()
        .where('id', '=', DRAFT_ID)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        policy: parsePolicy(row.policy),
        baseVersion: row.base_version === null ? null : Number(row.base_version),
        updatedAt: new Date(Number(row.updated_at)).toISOString(),
        updatedBy: row.updated_by,
      };
    },
    async saveDraft({ policy, baseVersion, by }) {
      const now = Date.now();
      const values = {
        policy: JSON.stringify(policy),
        base_version: baseVersion,
        updated_at: now,
        updated_by: by,
      };
      await database.transaction<RbacTables, void>(async (trx) => {
        await trx.deleteFrom('rbac_draft').where('id', '=', DRAFT_ID).execute();
        await trx
          .insertInto('rbac_draft')
          .values({ id: DRAFT_ID, ...values })
          .execute();
      });
      return { policy, baseVersion, updatedAt: new Date(now).toISOString(), updatedBy: by };
    },
  };
}

/**
 * Creates the store over the plugin's database.
 *
 * @example
 * const store = createPolicyStore(deps.database);
 * await store.publish({ policy, by: 'user:default/admin', source: 'ui' });
 */
export function createPolicyStore(database: DatabaseService): PolicyStore {
  const db: Db = () => database.getClient<RbacTables>();
  return {
    ...versionReads(db),
    publish: (options) => publishVersion(database, options),
    ...draftAccess(database, db),
  };
}
