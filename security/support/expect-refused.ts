import { expect } from 'vitest';
import type { Reply } from './http-caller.js';
import type { Secrets } from './secrets.js';

function textOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'text' in value ? (value as Reply).text : value;
}

/** Asserts that nothing in `value` (a reply, its body, a log) carries a planted secret. */
export function expectNoSecret(secrets: Secrets, value: unknown, what: string): void {
  expect(secrets.foundIn(textOf(value)), `${what} carries a planted secret`).toEqual([]);
}

/** Names of entities in a reply that an attack must never produce (read from a planted secret file). */
export function leakedEntityNames(reply: Reply): string[] {
  return [...reply.text.matchAll(/"(leaked-[a-z0-9-]+)"/g)].map((m) => m[1] ?? '');
}

/**
 * Collects the outcome of many attempts of one class and fails once, listing every
 * attempt that worked, so one run shows the whole picture rather than the first hole.
 */
export interface Attempts {
  /**
   * The server refused as the caller's fault (4xx: a 2xx means the attack worked, a 5xx
   * that it was not recognised) and leaked nothing while doing so.
   */
  refused(reply: Reply, what: string): void;
  /** Nothing in `value` carries a planted secret or an entity read from a planted file. */
  leakedNothing(value: unknown, what: string): void;
  /** Records a failed expectation of the caller's own. */
  check(ok: boolean, what: string): void;
  /** Fails with the list of attempts that got through. */
  assertAllRefused(): void;
}

/** Creates an {@link Attempts} checked against `secrets`. */
export function createAttempts(secrets: Secrets): Attempts {
  const holes: string[] = [];
  const leakedNothing = (value: unknown, what: string) => {
    const text = textOf(value);
    const found = secrets.foundIn(text);
    if (found.length > 0) holes.push(`${what}: carries ${found.join(', ')}`);
    const leaked =
      typeof text === 'string' ? [...text.matchAll(/"(leaked-[a-z0-9-]+)"/g)].map((m) => m[1]) : [];
    if (leaked.length > 0)
      holes.push(`${what}: carries an entity read from a forbidden file (${leaked.join(', ')})`);
  };
  return {
    refused(reply, what) {
      if (reply.status < 400 || reply.status >= 500)
        holes.push(`${what}: answered ${reply.status} ${reply.text.slice(0, 200)}`);
      leakedNothing(reply, what);
    },
    leakedNothing,
    check(ok, what) {
      if (!ok) holes.push(what);
    },
    assertAllRefused() {
      expect(holes.length, `${holes.length} attempt(s) got through:\n${holes.join('\n')}\n`).toBe(0);
    },
  };
}
