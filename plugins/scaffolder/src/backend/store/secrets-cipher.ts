import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { AtriumError } from '@atrium/errors';
import type { Kysely } from 'kysely';
import { scaffolderErrorCodes } from '../../common/index.js';
import type { ScaffolderTables } from './tables.js';

/** Encrypts task secrets for storage; nothing else ever sees them in clear at rest. */
export interface SecretsCipher {
  encrypt(secrets: Record<string, string>): string;
  decrypt(stored: string): Record<string, string>;
}

const FORMAT = 'v1';
const GENERATED_KEY_ID = 'secrets-key';

/**
 * Creates an AES-256-GCM cipher over a 32-byte key. Each value gets a random IV; the
 * authentication tag makes a tampered or foreign-key ciphertext fail loudly.
 *
 * @example
 * const cipher = createSecretsCipher(randomBytes(32));
 * cipher.decrypt(cipher.encrypt({ token: 'x' })); // { token: 'x' }
 */
export function createSecretsCipher(key: Buffer): SecretsCipher {
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return {
    encrypt(secrets) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64'));
      return [FORMAT, keyId, ...parts].join(':');
    },
    decrypt(stored) {
      const [format, storedKeyId, iv, tag, data] = stored.split(':');
      if (format !== FORMAT || !iv || !tag || data === undefined) {
        throw new AtriumError(
          scaffolderErrorCodes.SCAFFOLDER_SECRETS_CORRUPT,
          'stored task secrets are not in a known format',
        );
      }
      if (storedKeyId !== keyId) {
        throw new AtriumError(
          scaffolderErrorCodes.SCAFFOLDER_SECRETS_KEY_MISMATCH,
          `task secrets were encrypted with another key (id ${storedKeyId}, this backend has ${keyId}); give every backend the same scaffolder.secretsKey`,
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      const text = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
      return JSON.parse(text.toString('utf8')) as Record<string, string>;
    },
  };
}

/**
 * The key for task secrets: derived from `scaffolder.secretsKey` when configured (then the
 * database alone cannot decrypt), else generated once and shared through the plugin's
 * database so every replica uses the same one.
 */
export async function loadSecretsKey(db: Kysely<ScaffolderTables>, configured?: string): Promise<Buffer> {
  if (configured) return scryptSync(configured, 'atrium-scaffolder-secrets', 32);
  const read = async () =>
    (
      await db
        .selectFrom('scaffolder_settings')
        .select('value')
        .where('id', '=', GENERATED_KEY_ID)
        .executeTakeFirst()
    )?.value;
  const existing = await read();
  if (existing) return Buffer.from(existing, 'base64');
  try {
    await db
      .insertInto('scaffolder_settings')
      .values({ id: GENERATED_KEY_ID, value: randomBytes(32).toString('base64') })
      .execute();
  } catch (error) {
    // Another replica inserted its key first; fall through and use that one.
    if (!(await read())) throw error;
  }
  return Buffer.from((await read())!, 'base64');
}
