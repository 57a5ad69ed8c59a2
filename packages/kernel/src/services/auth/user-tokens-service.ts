import type { JWK } from 'jose';

/** Issues user tokens after a sign-in provider has established who the user is. */
export interface UserTokensService {
  issueUserToken(input: {
    userEntityRef: string;
    ownershipEntityRefs: string[];
    expiresInSeconds?: number;
  }): Promise<{ token: string; expiresAt: Date }>;
  /** The public keys user tokens are verified with. */
  getJwks(): Promise<{ keys: JWK[] }>;
}
