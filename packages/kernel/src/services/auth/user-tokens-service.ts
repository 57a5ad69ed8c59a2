import { AuthenticationError } from '@atrium/errors';
import { errors, type JWK } from 'jose';
import { type TokenSigner, USER_TOKEN_TYPE, type VerifiedToken } from './tokens.js';
import type { UserSessions } from './user-sessions.js';

/** Issues user tokens after a sign-in provider has established who the user is, and ends sessions. */
export interface UserTokensService {
  issueUserToken(input: {
    userEntityRef: string;
    ownershipEntityRefs: string[];
    expiresInSeconds?: number;
    /**
     * The caller's current user token, on a refresh: the new token continues its session
     * (same `sid`, so signing out ends both) when it is live and the same user's.
     */
    continueSession?: string;
  }): Promise<{ token: string; expiresAt: Date }>;
  /**
   * Ends the sign-in session of a user token: every token of that session is refused from
   * then on, on every backend sharing the database. An expired token is a no-op.
   */
  revokeSession(token: string): Promise<void>;
  /** The public keys user tokens are verified with. */
  getJwks(): Promise<{ keys: JWK[] }>;
}

/** Creates the user tokens service over the shared signer and session store. */
export function createUserTokensService(signer: TokenSigner, sessions: UserSessions): UserTokensService {
  const userToken = async (token: string): Promise<VerifiedToken | undefined> => {
    const verified = await signer.verify(token);
    return verified?.type === USER_TOKEN_TYPE ? verified : undefined;
  };
  return {
    async issueUserToken({ continueSession, ...input }) {
      let continueSessionId: string | undefined;
      if (continueSession) {
        // A stale or foreign token on a refresh simply starts a new session.
        const current = await userToken(continueSession).catch(() => undefined);
        if (current?.subject === input.userEntityRef) continueSessionId = current.sessionId;
      }
      const { token, expiresAt } = await signer.issueUserToken({ ...input, continueSessionId });
      return { token, expiresAt };
    },
    async revokeSession(token) {
      let current: VerifiedToken | undefined;
      try {
        current = await userToken(token);
      } catch (error) {
        if ((error as Error).cause instanceof errors.JWTExpired) return;
        throw error;
      }
      if (!current?.sessionId) {
        throw new AuthenticationError(
          'sign-out needs the user token of the session to end (Authorization: Bearer <token>)',
        );
      }
      await sessions.revoke(current.sessionId);
    },
    getJwks: () => signer.jwks(),
  };
}
