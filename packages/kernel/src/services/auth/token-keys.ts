import { AtriumError } from '@atrium/errors';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import { kernelErrorCodes } from '../../kernel-error-codes.js';

/** A signing key pair; the public half is published in the JWKS. */
interface StoredKey {
  kid: string;
  publicJwk: JWK;
  privateKey: CryptoKey;
  createdAt: number;
}

/** The backend's token signing keys, kept in the kernel database so replicas share them. */
export interface TokenKeys {
  signingKey(): Promise<StoredKey>;
  /** The public key for a key id, reloading from the database for keys minted by another replica. */
  publicKey(kid: string): Promise<CryptoKey | undefined>;
  jwks(): Promise<{ keys: JWK[] }>;
}

/** The table holding the keys (created by the kernel's own migration). */
export interface AuthKeysTable {
  atrium_auth_keys: { kid: string; public_jwk: string; private_jwk: string; created_at: number };
}

/**
 * Creates the key store. Keys rotate after `keyLifetimeMs`; old public keys stay
 * published for one more lifetime so tokens signed just before rotation still verify.
 */
export function createTokenKeys(db: Kysely<AuthKeysTable>, keyLifetimeMs = 24 * 3600_000): TokenKeys {
  let current: Promise<StoredKey> | undefined;
  const publicKeys = new Map<string, CryptoKey>();

  async function loadOrCreate(): Promise<StoredKey> {
    const now = Date.now();
    const row = await db
      .selectFrom('atrium_auth_keys')
      .selectAll()
      .where('created_at', '>', now - keyLifetimeMs)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (row) {
      return {
        kid: row.kid,
        publicJwk: JSON.parse(row.public_jwk) as JWK,
        privateKey: (await importJWK(JSON.parse(row.private_jwk) as JWK, 'ES256')) as CryptoKey,
        createdAt: row.created_at,
      };
    }
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = crypto.randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    await db
      .insertInto('atrium_auth_keys')
      .values({
        kid,
        public_jwk: JSON.stringify(publicJwk),
        private_jwk: JSON.stringify(await exportJWK(privateKey)),
        created_at: now,
      })
      .execute();
    return { kid, publicJwk, privateKey, createdAt: now };
  }

  return {
    async signingKey() {
      const key = current ? await current : undefined;
      if (!key || key.createdAt < Date.now() - keyLifetimeMs) {
        current = loadOrCreate().catch((error: unknown) => {
          current = undefined;
          throw new AtriumError(
            kernelErrorCodes.AUTH_KEYS_UNAVAILABLE,
            `could not load or create token signing keys: ${(error as Error).message}`,
            {
              cause: error,
            },
          );
        });
        return current;
      }
      return key;
    },
    async publicKey(kid) {
      const cached = publicKeys.get(kid);
      if (cached) return cached;
      const row = await db
        .selectFrom('atrium_auth_keys')
        .select('public_jwk')
        .where('kid', '=', kid)
        .executeTakeFirst();
      if (!row) return undefined;
      const key = (await importJWK(JSON.parse(row.public_jwk) as JWK, 'ES256')) as CryptoKey;
      publicKeys.set(kid, key);
      return key;
    },
    async jwks() {
      const rows = await db
        .selectFrom('atrium_auth_keys')
        .select('public_jwk')
        .where('created_at', '>', Date.now() - 2 * keyLifetimeMs)
        .orderBy('created_at', 'desc')
        .execute();
      return { keys: rows.map((r) => JSON.parse(r.public_jwk) as JWK) };
    },
  };
}
