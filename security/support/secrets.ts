import { randomBytes } from 'node:crypto';

/** A unique string planted on the server that no response may ever carry. */
export function createMarker(label: string): string {
  return `ATRIUM-SECRET-${label}-${randomBytes(8).toString('hex')}`;
}

/** Strings that must never leave the server: planted markers and the token signing keys. */
export interface Secrets {
  readonly values: readonly string[];
  add(...values: string[]): void;
  /** The secrets found in a response, a log or an entity (any JSON value or text). */
  foundIn(value: unknown): string[];
}

// Dry runs and task outputs carry file contents base64-encoded; decode them before looking.
function decodeEmbedded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeEmbedded);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      key === 'base64Content' && typeof item === 'string'
        ? Buffer.from(item, 'base64').toString('utf8')
        : decodeEmbedded(item);
  }
  return out;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return `${value}\n${JSON.stringify(decodeEmbedded(JSON.parse(value)))}`;
    } catch {
      return value;
    }
  }
  return JSON.stringify(decodeEmbedded(value)) ?? '';
}

/**
 * Creates the set of secrets an attack is checked against.
 *
 * @example
 * const secrets = createSecrets([marker]);
 * expect(secrets.foundIn(await response.text())).toEqual([]);
 */
export function createSecrets(initial: readonly string[] = []): Secrets {
  const values = [...initial];
  return {
    values,
    add: (...more) => values.push(...more.filter((v) => v.length >= 8 && !values.includes(v))),
    foundIn(value) {
      const text = textOf(value);
      return values.filter((secret) => text.includes(secret));
    },
  };
}
