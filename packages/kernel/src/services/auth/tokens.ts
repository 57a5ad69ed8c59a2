import { AuthenticationError } from '@atrium/errors';
import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import type { TokenKeys } from './token-keys.js';

/** Header `typ` of user tokens (Backstage's value, so its tooling recognises them). */
export const USER_TOKEN_TYPE = 'vnd.backstage.user';
/** Header `typ` of plugin-to-plugin tokens. */
export const SERVICE_TOKEN_TYPE = 'vnd.backstage.plugin';

/** Claims of a verified token. */
export interface VerifiedToken {
  type: typeof USER_TOKEN_TYPE | typeof SERVICE_TOKEN_TYPE;
  subject: string;
  audience?: string;
  ownershipEntityRefs: string[];
  /** Service tokens acting for a user. */
  onBehalfOf?: { userEntityRef: string; ownershipEntityRefs: string[] };
  expiresAt: Date;
}

/** Signs and verifies the backend's own JWTs (ES256). */
export interface TokenSigner {
  issueUserToken(input: {
    userEntityRef: string;
    ownershipEntityRefs: string[];
    expiresInSeconds?: number;
  }): Promise<{ token: string; expiresAt: Date }>;
  issueServiceToken(input: {
    subject: string;
    audience: string;
    onBehalfOf?: { userEntityRef: string; ownershipEntityRefs: string[] };
  }): Promise<{ token: string }>;
  /** Verifies a token this backend (or a replica) issued; undefined when it is not one of ours. */
  verify(token: string): Promise<VerifiedToken | undefined>;
  /** The public keys tokens are verified with. */
  jwks(): ReturnType<TokenKeys['jwks']>;
}

/**
 * Creates the signer over the shared key store.
 *
 * @example
 * const signer = createTokenSigner(keys, 'http://localhost:7007');
 * const { token } = await signer.issueUserToken({ userEntityRef: 'user:default/jdoe', ownershipEntityRefs: [] });
 */
export function createTokenSigner(keys: TokenKeys, issuer: string): TokenSigner {
  return {
    jwks: () => keys.jwks(),
    async issueUserToken({ userEntityRef, ownershipEntityRefs, expiresInSeconds = 3600 }) {
      const key = await keys.signingKey();
      const expiresAt = new Date(Date.now() + expiresInSeconds * 1000);
      const token = await new SignJWT({ ent: ownershipEntityRefs })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: USER_TOKEN_TYPE })
        .setIssuer(issuer)
        .setAudience('backstage')
        .setSubject(userEntityRef)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key.privateKey);
      return { token, expiresAt };
    },
    async issueServiceToken({ subject, audience, onBehalfOf }) {
      const key = await keys.signingKey();
      const token = await new SignJWT(
        onBehalfOf ? { obo: onBehalfOf.userEntityRef, ent: onBehalfOf.ownershipEntityRefs } : {},
      )
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: SERVICE_TOKEN_TYPE })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key.privateKey);
      return { token };
    },
    async verify(token) {
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(token);
      } catch {
        return undefined;
      }
      if (
        header.alg !== 'ES256' ||
        !header.kid ||
        (header.typ !== USER_TOKEN_TYPE && header.typ !== SERVICE_TOKEN_TYPE)
      ) {
        return undefined;
      }
      const key = await keys.publicKey(header.kid);
      if (!key) throw new AuthenticationError('token was signed with an unknown key; sign in again');
      try {
        const { payload } = await jwtVerify(token, key, { issuer, algorithms: ['ES256'] });
        const ent = Array.isArray(payload.ent)
          ? payload.ent.filter((e): e is string => typeof e === 'string')
          : [];
        const obo =
          typeof payload.obo === 'string'
            ? { userEntityRef: payload.obo, ownershipEntityRefs: ent }
            : undefined;
        return {
          type: header.typ,
          subject: String(payload.sub),
          audience: typeof payload.aud === 'string' ? payload.aud : undefined,
          ownershipEntityRefs: ent,
          onBehalfOf: obo,
          expiresAt: new Date((payload.exp ?? 0) * 1000),
        };
      } catch (error) {
        throw new AuthenticationError(`invalid token: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}
