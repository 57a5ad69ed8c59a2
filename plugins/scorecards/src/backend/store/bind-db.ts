import type { Kysely } from 'kysely';
import type { ScorecardsTables } from './tables.js';

/** Binds a store function's first argument, the connection: stores are plain functions over it. */
export function bindDb<A extends unknown[], R>(
  fn: (db: Kysely<ScorecardsTables>, ...args: A) => R,
  db: Kysely<ScorecardsTables>,
): (...args: A) => R {
  return (...args) => fn(db, ...args);
}

/** The parameters of `F` after the first, for store functions bound to something other than the connection. */
export type RestOf<F> = F extends (first: never, ...rest: infer R) => unknown ? R : never;
