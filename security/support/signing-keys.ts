import { join } from 'node:path';
import { TEST_POSTGRES_URL, type TestDatabase } from '@atrium/test-kit';
import Database from 'better-sqlite3';
import type { JWK } from 'jose';
import pg from 'pg';

/** A token signing key pair as the kernel stores it. */
export interface SigningKey {
  kid: string;
  publicJwk: JWK;
  privateJwk: JWK;
}

interface KeyRow {
  kid: string;
  public_jwk: string;
  private_jwk: string;
}

const toKey = (row: KeyRow): SigningKey => ({
  kid: row.kid,
  publicJwk: JSON.parse(row.public_jwk) as JWK,
  privateJwk: JSON.parse(row.private_jwk) as JWK,
});

/**
 * Reads the kernel's token signing keys straight from its database: the test plays the
 * operator here, to forge tokens that are correctly signed but wrong in another way, and
 * to know which bytes an attacker must never see.
 */
export async function readSigningKeys(database: TestDatabase): Promise<SigningKey[]> {
  const query = 'SELECT kid, public_jwk, private_jwk FROM atrium_auth_keys';
  if (database.kind === 'sqlite') {
    const connection = database.config.connection as { directory: string };
    const db = new Database(join(connection.directory, 'kernel.sqlite'), { readonly: true });
    try {
      return (db.prepare(query).all() as KeyRow[]).map(toKey);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const schema = `${String(database.config.prefix)}kernel`;
    const { rows } = await client.query<KeyRow>(
      query.replace('atrium_auth_keys', `"${schema}".atrium_auth_keys`),
    );
    return rows.map(toKey);
  } finally {
    await client.end();
  }
}
