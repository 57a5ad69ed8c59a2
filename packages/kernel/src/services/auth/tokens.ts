import { AuthenticationError } from '@atrium/errors';
import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { TokenKeys } from './token-keys.js';
import type { UserSessions } from './user-sessions.js';

/** Header `typ` of user tokens (Backstage's value, so its tooling recognises them). */
export const USER_TOKEN_TYPE = 'vnd.backstage.user';
/** Header `typ` of plugin-to-plugin tokens. */
export const SERVICE_TOKEN_TYPE = 'vnd.backstage.plugin';
/** Audience of user tokens (Backstage's value). */
const USER_TOKEN_AUDIENCE = 'backstage';

/** Claims of a verified token. */
export interface VerifiedToken {
  type: typeof USER_TOKEN_TYPE | typeof SERVICE_TOKEN_TYPE;
  subject: string;
  /** `backstage` for user tokens; the target plugin id for plugin tokens. */
  audience: string;
  ownershipEntityRefs: string[];
  /** Service tokens acting for a user. */
  onBehalfOf?: { userEntityRef: string; ownershipEntityRefs: string[] };
  /** The sign-in session (`sid`): required on user tokens, carried by tokens on behalf of a user. */
  sessionId?: string;
  expiresAt: Date;
}

/** Signs and verifies the backend's own JWTs (ES256). */
export interface TokenSigner {
  issueUserToken(input: {
    userEntityRef: string;
    ownershipEntityRefs: string[];
    expiresInSeconds?: number;
    /** Continue this session (same `sid`) when it is live and belongs to the same user. */
    continueSessionId?: string;
  }): Promise<{ token: string; expiresAt: Date; sessionId: string }>;
  issueServiceToken(input: {
    subject: string;
    audience: string;
    onBehalfOf?: { userEntityRef: string; ownershipEntityRefs: string[]; sessionId?: string };
  }): Promise<{ token: string }>;
  /** Verifies a token this backend (or a replica) issued; undefined when it is not one of ours. */
  verify(token: string): Promise<VerifiedToken | undefined>;
  /** The public keys tokens are verified with. */
  jwks(): ReturnType<TokenKeys['jwks']>;
}

const stringArray = (value: unknown) =>
  Array.isArray(value) ? value.filter((e): e is string => typeof e === 'string') : [];

/** Checks what the signature does not: the claims each kind of token must carry. */
function readClaims(typ: VerifiedToken['type'], payload: JWTPayload): VerifiedToken {
  const { sub, aud, exp, sid, obo } = payload;
  if (typeof sub !== 'string' || !sub) throw new AuthenticationError('invalid token: no subject');
  if (typeof aud !== 'string')
    throw new AuthenticationError('invalid token: the audience must be one string');
  if (sid !== undefined && typeof sid !== 'string')
    throw new AuthenticationError('invalid token: malformed sid');
  if (typ === USER_TOKEN_TYPE) {
    if (aud !== USER_TOKEN_AUDIENCE)
      throw new AuthenticationError(
        `invalid token: a user token's audience must be '${USER_TOKEN_AUDIENCE}'`,
      );
    if (!sid)
      throw new AuthenticationError('invalid token: a user token must name its session (sid); sign in again');
    if (obo !== undefined)
      throw new AuthenticationError('invalid token: a user token cannot act on behalf of another user');
  }
  const ent = stringArray(payload.ent);
  return {
    type: typ,
    subject: sub,
    audience: aud,
    ownershipEntityRefs: ent,
    onBehalfOf: typeof obo === 'string' ? { userEntityRef: obo, ownershipEntityRefs: ent } : undefined,
    sessionId: sid,
    expiresAt: new Date((exp as number) * 1000),
  };
}

/**
 * Creates the signer over the shared key store and session store.
 *
 * @example
 * const signer = createTokenSigner(keys, sessions, 'http://localhost:7007');
 * const { token } = await signer.issueUserToken({ userEntityRef: 'user:default/jdoe', ownershipEntityRefs: [] });
 */
export function createTokenSigner(keys: TokenKeys, sessions: UserSessions, issuer: string): TokenSigner {
  return {
    jwks: () => keys.jwks(),
    async issueUserToken({ userEntityRef, ownershipEntityRefs, expiresInSeconds = 3600, continueSessionId }) {
      const key = await keys.signingKey();
      const expiresAt = new Date(Date.now() + expiresInSeconds * 1000);
      const sessionId = await sessions.start({ userEntityRef, expiresAt, continueSessionId });
      const token = await new SignJWT({ ent: ownershipEntityRefs, sid: sessionId })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: USER_TOKEN_TYPE })
        .setIssuer(issuer)
        .setAudience(USER_TOKEN_AUDIENCE)
        .setSubject(userEntityRef)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key.privateKey);
      return { token, expiresAt, sessionId };
    },
    async issueServiceToken({ subject, audience, onBehalfOf }) {
      const key = await keys.signingKey();
      const claims = onBehalfOf
        ? { obo: onBehalfOf.userEntityRef, ent: onBehalfOf.ownershipEntityRefs, sid: onBehalfOf.sessionId }
        : {};
      const token = await new SignJWT(claims)
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
      const typ = header.typ;
      // Only ES256 tokens typed as ours are ours: `alg: none` or HS256 (signed with the
      // public key as a shared secret, say) never reach a key.
      if (header.alg !== 'ES256' || !header.kid || (typ !== USER_TOKEN_TYPE && typ !== SERVICE_TOKEN_TYPE)) {
        return undefined;
      }
      const key = await keys.publicKey(header.kid);
      if (!key) throw new AuthenticationError('token was signed with an unknown key; sign in again');
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer,
          algorithms: ['ES256'],
          typ,
          requiredClaims: ['exp', 'iat', 'sub', 'aud'],
        });
        return readClaims(typ, payload);
      } catch (error) {
        if (error instanceof AuthenticationError) throw error;
        const expired = error instanceof errors.JWTExpired;
        throw new AuthenticationError(
          expired
            ? 'the bearer token has expired; sign in again'
            : `invalid token: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
  };
}
