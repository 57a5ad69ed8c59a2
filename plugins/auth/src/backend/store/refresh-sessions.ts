import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DatabaseService } from '@atrium/kernel';
import type { ProviderProfile } from '../auth-provider.js';

interface RefreshSessionsTable {
  auth_refresh_sessions: {
    id: string;
    secret_hash: string;
    provider: string;
    profile: string;
    user_entity_ref: string;
    created_at: number;
    expires_at: number;
    revoked_at: number | null;
    /** Every secret of one sign-in shares it (rotation adds a row, never changes one's secret). */
    family_id: string | null;
    /** Set when a refresh replaced this secret with a new one. */
    rotated_at: number | null;
  };
}

/** A live refresh session, as a refresh finds it. */
export interface RefreshSession {
  id: string;
  familyId: string;
  provider: string;
  profile: ProviderProfile;
  userEntityRef: string;
  expiresAt: number;
}

/**
 * What a cookie's secret is now: the family's `current` secret; one `recent`ly replaced
 * (within the grace period: a second tab refreshing with the cookie the first one just
 * rotated), which refreshes without rotating again; or `replayed`, a replaced secret
 * shown after the grace period, which has ended its whole family.
 */
export type RefreshLookup =
  | { state: 'current' | 'recent'; session: RefreshSession }
  | { state: 'replayed'; familyId: string; userEntityRef: string }
  | undefined;

/** Refresh sessions behind the refresh cookie, shared by every backend on the database. */
export interface RefreshSessions {
  /** Starts a session (a new family); returns the secret for the cookie (never stored as such). */
  start(input: {
    provider: string;
    profile: ProviderProfile;
    userEntityRef: string;
    ttlMs: number;
  }): Promise<string>;
  /**
   * What this secret is for this provider (undefined: unknown, revoked, expired, other
   * provider). A replayed secret revokes its family before this answers.
   */
  find(secret: string, provider: string, graceMs: number): Promise<RefreshLookup>;
  /**
   * Replaces the current secret with a new one of the same family (and expiry), for the
   * user the resolver gave this time. Undefined when another refresh rotated it first.
   */
  rotate(session: RefreshSession, userEntityRef: string): Promise<string | undefined>;
  /** Ends the secret's whole family (sign-out). */
  revoke(secret: string): Promise<void>;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const newSecret = () => randomBytes(32).toString('base64url');

const typedClient = (database: DatabaseService) => database.getClient<RefreshSessionsTable>();
type Client = () => ReturnType<typeof typedClient>;
type Row = RefreshSessionsTable['auth_refresh_sessions'];

async function revokeFamily(client: Client, familyId: string): Promise<void> {
  await (await client())
    .updateTable('auth_refresh_sessions')
    .set({ revoked_at: Date.now() })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

async function startFamily(client: Client, input: Parameters<RefreshSessions['start']>[0]): Promise<string> {
  const secret = newSecret();
  const now = Date.now();
  const db = await client();
  await db.deleteFrom('auth_refresh_sessions').where('expires_at', '<', now).execute();
  const id = randomUUID();
  await db
    .insertInto('auth_refresh_sessions')
    .values({
      id,
      family_id: id,
      secret_hash: hash(secret),
      provider: input.provider,
      profile: JSON.stringify(input.profile),
      user_entity_ref: input.userEntityRef,
      created_at: now,
      expires_at: now + input.ttlMs,
      revoked_at: null,
      rotated_at: null,
    })
    .execute();
  return secret;
}

async function lookUp(
  client: Client,
  secret: string,
  provider: string,
  graceMs: number,
): Promise<RefreshLookup> {
  const row = (await (
    await client()
  )
    .selectFrom('auth_refresh_sessions')
    .selectAll()
    .where('secret_hash', '=', hash(secret))
    .executeTakeFirst()) as Row | undefined;
  if (!row || row.provider !== provider || row.revoked_at !== null) return undefined;
  if (Number(row.expires_at) < Date.now()) return undefined;
  const familyId = row.family_id ?? row.id;
  if (row.rotated_at !== null && Date.now() - Number(row.rotated_at) > graceMs) {
    await revokeFamily(client, familyId);
    return { state: 'replayed', familyId, userEntityRef: row.user_entity_ref };
  }
  const session: RefreshSession = {
    id: row.id,
    familyId,
    provider: row.provider,
    profile: JSON.parse(row.profile) as ProviderProfile,
    userEntityRef: row.user_entity_ref,
    expiresAt: Number(row.expires_at),
  };
  return { state: row.rotated_at === null ? 'current' : 'recent', session };
}

async function rotate(
  database: DatabaseService,
  session: RefreshSession,
  userEntityRef: string,
): Promise<string | undefined> {
  const secret = newSecret();
  const won = await database.transaction<RefreshSessionsTable, boolean>(async (trx) => {
    // Only one refresh may replace a secret: the update that finds it unrotated wins.
    const marked = await trx
      .updateTable('auth_refresh_sessions')
      .set({ rotated_at: Date.now() })
      .where('id', '=', session.id)
      .where('rotated_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) return false;
    await trx
      .insertInto('auth_refresh_sessions')
      .values({
        id: randomUUID(),
        family_id: session.familyId,
        secret_hash: hash(secret),
        provider: session.provider,
        profile: JSON.stringify(session.profile),
        user_entity_ref: userEntityRef,
        created_at: Date.now(),
        expires_at: session.expiresAt,
        revoked_at: null,
        rotated_at: null,
      })
      .execute();
    return true;
  });
  return won ? secret : undefined;
}

/** Creates the refresh session store. */
export function createRefreshSessions(database: DatabaseService): RefreshSessions {
  const client: Client = () => typedClient(database);
  return {
    start: (input) => startFamily(client, input),
    find: (secret, provider, graceMs) => lookUp(client, secret, provider, graceMs),
    rotate: (session, userEntityRef) => rotate(database, session, userEntityRef),
    async revoke(secret) {
      const row = await (await client())
        .selectFrom('auth_refresh_sessions')
        .select(['id', 'family_id'])
        .where('secret_hash', '=', hash(secret))
        .executeTakeFirst();
      if (row) await revokeFamily(client, row.family_id ?? row.id);
    },
  };
}
