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
  };
}

/** A live refresh session, as a refresh finds it. */
export interface RefreshSession {
  id: string;
  provider: string;
  profile: ProviderProfile;
  userEntityRef: string;
}

/** Refresh sessions behind the refresh cookie, shared by every backend on the database. */
export interface RefreshSessions {
  /** Starts a session; returns the secret for the cookie (never stored as such). */
  start(input: {
    provider: string;
    profile: ProviderProfile;
    userEntityRef: string;
    ttlMs: number;
  }): Promise<string>;
  /** The live session of this secret for this provider, or undefined (unknown, revoked, expired, other provider). */
  find(secret: string, provider: string): Promise<RefreshSession | undefined>;
  /** Records the user the resolver gave this time. */
  touch(id: string, userEntityRef: string): Promise<void>;
  revoke(secret: string): Promise<void>;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** Creates the refresh session store. */
export function createRefreshSessions(database: DatabaseService): RefreshSessions {
  const client = () => database.getClient<RefreshSessionsTable>();
  return {
    async start({ provider, profile, userEntityRef, ttlMs }) {
      const secret = randomBytes(32).toString('base64url');
      const now = Date.now();
      const db = await client();
      await db.deleteFrom('auth_refresh_sessions').where('expires_at', '<', now).execute();
      await db
        .insertInto('auth_refresh_sessions')
        .values({
          id: randomUUID(),
          secret_hash: hash(secret),
          provider,
          profile: JSON.stringify(profile),
          user_entity_ref: userEntityRef,
          created_at: now,
          expires_at: now + ttlMs,
          revoked_at: null,
        })
        .execute();
      return secret;
    },
    async find(secret, provider) {
      const row = await (await client())
        .selectFrom('auth_refresh_sessions')
        .selectAll()
        .where('secret_hash', '=', hash(secret))
        .executeTakeFirst();
      if (!row || row.provider !== provider || row.revoked_at !== null) return undefined;
      if (Number(row.expires_at) < Date.now()) return undefined;
      return {
        id: row.id,
        provider: row.provider,
        profile: JSON.parse(row.profile) as ProviderProfile,
        userEntityRef: row.user_entity_ref,
      };
    },
    async touch(id, userEntityRef) {
      await (await client())
        .updateTable('auth_refresh_sessions')
        .set({ user_entity_ref: userEntityRef })
        .where('id', '=', id)
        .execute();
    },
    async revoke(secret) {
      await (await client())
        .updateTable('auth_refresh_sessions')
        .set({ revoked_at: Date.now() })
        .where('secret_hash', '=', hash(secret))
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
