import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

/** The sign-in sessions table (created by the kernel's own migration). */
export interface AuthSessionsTable {
  atrium_auth_sessions: {
    sid: string;
    user_entity_ref: string;
    created_at: number;
    expires_at: number;
    revoked_at: number | null;
  };
}

/** Sign-in sessions, kept in the kernel database so every backend sharing it sees sign-outs. */
export interface UserSessions {
  /** Starts a session, or extends `continueSessionId` when it is live and the same user's; returns its id. */
  start(input: { userEntityRef: string; expiresAt: Date; continueSessionId?: string }): Promise<string>;
  /** Ends a session; refused on this backend at once, on the others at their next poll. */
  revoke(sessionId: string): Promise<void>;
  /** Revoked as far as this backend knows; synchronous, for the token cache's hot path. */
  isRevoked(sessionId: string): boolean;
  /** Reads the database: the session exists, is not revoked and has not expired. */
  isActive(sessionId: string): Promise<boolean>;
  /** Reads revocations made by other backends since the last poll, and prunes expired rows now and then. */
  poll(): Promise<void>;
}

/** Revocations are read again this far back: backends' clocks and commits are not in step. */
const POLL_OVERLAP_MS = 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Creates the session store.
 *
 * @example
 * const sessions = createUserSessions(db);
 * const sid = await sessions.start({ userEntityRef: 'user:default/ada', expiresAt });
 * await sessions.revoke(sid);
 */
export function createUserSessions(db: Kysely<AuthSessionsTable>): UserSessions {
  // sid -> expiry (ms): a revoked session only matters until its tokens expire.
  const revoked = new Map<string, number>();
  let highWater = 0;
  let lastPrune = Date.now();
  const table = 'atrium_auth_sessions' as const;

  async function extend(sid: string, userEntityRef: string, expiresAt: number): Promise<boolean> {
    const now = Date.now();
    const result = await db
      .updateTable(table)
      .set({ expires_at: expiresAt })
      .where('sid', '=', sid)
      .where('user_entity_ref', '=', userEntityRef)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  return {
    async start({ userEntityRef, expiresAt, continueSessionId }) {
      if (continueSessionId && (await extend(continueSessionId, userEntityRef, expiresAt.getTime()))) {
        return continueSessionId;
      }
      const sid = randomUUID();
      await db
        .insertInto(table)
        .values({
          sid,
          user_entity_ref: userEntityRef,
          created_at: Date.now(),
          expires_at: expiresAt.getTime(),
          revoked_at: null,
        })
        .execute();
      return sid;
    },
    async revoke(sessionId) {
      const row = await db
        .updateTable(table)
        .set({ revoked_at: Date.now() })
        .where('sid', '=', sessionId)
        .where('revoked_at', 'is', null)
        .returning('expires_at')
        .executeTakeFirst();
      revoked.set(sessionId, row?.expires_at ?? Date.now() + 24 * 3600_000);
    },
    isRevoked: (sessionId) => revoked.size > 0 && revoked.has(sessionId),
    async isActive(sessionId) {
      const row = await db
        .selectFrom(table)
        .select(['expires_at', 'revoked_at'])
        .where('sid', '=', sessionId)
        .executeTakeFirst();
      if (!row) return false;
      if (row.revoked_at !== null) revoked.set(sessionId, row.expires_at);
      return row.revoked_at === null && row.expires_at > Date.now();
    },
    async poll() {
      const now = Date.now();
      const rows = await db
        .selectFrom(table)
        .select(['sid', 'expires_at', 'revoked_at'])
        .where('revoked_at', '>=', Math.max(0, highWater - POLL_OVERLAP_MS))
        .where('expires_at', '>', now)
        .execute();
      for (const row of rows) {
        revoked.set(row.sid, row.expires_at);
        highWater = Math.max(highWater, row.revoked_at ?? 0);
      }
      for (const [sid, expiresAt] of revoked) if (expiresAt <= now) revoked.delete(sid);
      if (now - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = now;
        await db
          .deleteFrom(table)
          .where('expires_at', '<', now - PRUNE_EVERY_MS)
          .execute();
      }
    },
  };
}
