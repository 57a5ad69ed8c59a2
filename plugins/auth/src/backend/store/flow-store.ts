import type { DatabaseService } from '@atrium/kernel';

/** A sign-in between `/start` and the provider's callback. */
export interface PendingFlow {
  state: string;
  provider: string;
  nonce: string;
  codeVerifier: string;
  flow: 'popup' | 'redirect';
  /** The app origin (popup) or URL (redirect) the result goes back to. */
  returnTo: string;
}

interface FlowsTable {
  auth_flows: {
    state: string;
    provider: string;
    nonce: string;
    code_verifier: string;
    flow: string;
    return_to: string;
    expires_at: number;
  };
}

/** Pending sign-ins in the plugin's database, so the callback may reach any backend. */
export interface FlowStore {
  save(flow: PendingFlow, ttlMs: number): Promise<void>;
  /** Takes the flow out (a second callback with the same state finds nothing), if live. */
  take(state: string): Promise<PendingFlow | undefined>;
}

/** Creates the flow store over the plugin's database. */
export function createFlowStore(database: DatabaseService): FlowStore {
  return {
    async save(flow, ttlMs) {
      const db = await database.getClient<FlowsTable>();
      const now = Date.now();
      await db.deleteFrom('auth_flows').where('expires_at', '<', now).execute();
      await db
        .insertInto('auth_flows')
        .values({
          state: flow.state,
          provider: flow.provider,
          nonce: flow.nonce,
          code_verifier: flow.codeVerifier,
          flow: flow.flow,
          return_to: flow.returnTo,
          expires_at: now + ttlMs,
        })
        .execute();
    },
    async take(state) {
      const db = await database.getClient<FlowsTable>();
      const row = await db
        .deleteFrom('auth_flows')
        .where('state', '=', state)
        .returningAll()
        .executeTakeFirst();
      if (!row || Number(row.expires_at) < Date.now()) return undefined;
      return {
        state: row.state,
        provider: row.provider,
        nonce: row.nonce,
        codeVerifier: row.code_verifier,
        flow: row.flow === 'redirect' ? 'redirect' : 'popup',
        returnTo: row.return_to,
      };
    },
  };
}
