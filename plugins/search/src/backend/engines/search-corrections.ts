import { sql } from '@atrium/kernel';
import type { Kysely } from 'kysely';
import { beginsWith } from './begins-with.js';
import { deletesOf, editDistance } from './search-vocabulary.js';

// biome-ignore lint/suspicious/noExplicitAny: the plugin's own tables.
type Db = Kysely<any>;

/** The most corrected queries offered, best first: each costs the caller a query to try. */
export const MAX_CORRECTIONS = 4;
/** Options kept per unknown word. */
const optionsPerWord = 3;
/** Shorter words are corrected only beside other words, which tell a right guess from a wrong one. */
const minAloneLength = 4;
const minLength = 3;
/** Both halves of a word split in two ('fraudxapi' -> 'fraud api') are known words this long. */
const minSplitPart = 3;

// Known words within 1 edit (2 from 6 letters), nearest first; ties: same first letter, then alphabetical.
function nearest(token: string, candidates: readonly string[]): string[] {
  const allowed = token.length < 6 ? 1 : 2;
  return candidates
    .map((word) => ({ word, distance: editDistance(token, word) }))
    .filter((c) => c.distance <= allowed)
    .sort(
      (x, y) =>
        x.distance - y.distance ||
        Number(y.word[0] === token[0]) - Number(x.word[0] === token[0]) ||
        x.word.localeCompare(y.word),
    )
    .slice(0, optionsPerWord)
    .map((c) => c.word);
}

/**
 * Known words that begin with `prefix`, shortest first. Stemming can store a word shorter
 * than a prefix of it ('identity' as 'ident'), or read a prefix as another ('pay' as
 * 'pai'), so the prefix matches nothing; the words do.
 */
async function completionsOf(db: Db, prefix: string, limit: number): Promise<string[]> {
  const { rows } = await sql<{ word: string }>`
    select word from search_words where ${beginsWith(sql.ref('word'), prefix)} and word <> ${prefix}
    order by length(word), word limit ${limit}`.execute(db);
  return rows.map((r) => r.word);
}

/** Most known words a last token is also matched as (shortest first). */
const maxPrefixWords = 8;

/**
 * The known words that the last token begins, from 3 letters on (none for shorter ones,
 * which the prefix indexes and the title index answer): the SQLite engine matches them as
 * prefixes beside the token, as its stemmer may read the token as another word.
 */
export async function prefixWordsOf(db: Db, tokens: readonly string[]): Promise<string[]> {
  const last = tokens.at(-1);
  if (!last || last.length < minLength || !/^\p{L}+$/u.test(last)) return [];
  return completionsOf(db, last, maxPrefixWords);
}

async function nearestKnown(db: Db, token: string): Promise<string[]> {
  const { rows } = await sql<{ word: string }>`
    select distinct word from search_word_deletes where variant in (${sql.join(deletesOf(token))})`.execute(
    db,
  );
  return nearest(
    token,
    rows.map((r) => r.word),
  );
}

/** Two words typed as one: a separator left out ('fraudapi') or typed as a letter ('fraudxapi'). */
export function splitsOf(token: string): Array<[string, string]> {
  const splits: Array<[string, string]> = [];
  for (let at = minSplitPart; at + minSplitPart <= token.length; at++) {
    splits.push([token.slice(0, at), token.slice(at)]);
    if (at + 1 + minSplitPart <= token.length) splits.push([token.slice(0, at), token.slice(at + 1)]);
  }
  return splits;
}

async function knownSplits(db: Db, token: string): Promise<string[][]> {
  const splits = splitsOf(token);
  if (splits.length === 0) return [];
  const { rows } = await sql<{ word: string }>`
    select word from search_words where word in (${sql.join([...new Set(splits.flat())])})`.execute(db);
  const known = new Set(rows.map((r) => r.word));
  return splits.filter(([left, right]) => known.has(left) && known.has(right)).slice(0, optionsPerWord);
}

// What an unknown word may have meant, best first: the nearest known words, then two known
// words typed as one. (A last word typed so far matches the known words it begins already:
// see prefixWordsOf.)
async function optionsFor(db: Db, token: string): Promise<string[][]> {
  const words = (await nearestKnown(db, token)).map((word) => [word]);
  return words.length >= optionsPerWord ? words : [...words, ...(await knownSplits(db, token))];
}

// The first corrected query takes each word's best option; later ones change one word at a time.
function combine(tokens: readonly string[], options: ReadonlyMap<number, string[][]>): string[][] {
  const best = (i: number, token: string) => options.get(i)?.[0] ?? [token];
  const first = tokens.flatMap((token, i) => best(i, token));
  const queries = [first];
  for (const [at, choices] of options) {
    for (const choice of choices.slice(1)) {
      if (queries.length >= MAX_CORRECTIONS) return queries;
      queries.push(tokens.flatMap((token, i) => (i === at ? choice : best(i, token))));
    }
  }
  return queries;
}

/**
 * Corrected versions of a query whose words match nothing, best first (at most
 * {@link MAX_CORRECTIONS}; none when no word is unknown or none has a known neighbour).
 * A word is corrected when it is letters only, 4 or more of them, or 3 beside other
 * words. The caller tries each query in turn and keeps the first that matches, so a short
 * word's wrong guess falls through to the next.
 */
export async function correctionsOf(db: Db, tokens: readonly string[]): Promise<string[][]> {
  const least = tokens.length > 1 ? minLength : minAloneLength;
  const candidates = tokens.filter((t) => t.length >= least && /^\p{L}+$/u.test(t));
  if (candidates.length === 0) return [];
  const { rows } = await sql<{ word: string }>`
    select word from search_words where word in (${sql.join(candidates)})`.execute(db);
  const known = new Set(rows.map((r) => r.word));
  const options = new Map<number, string[][]>();
  for (const [i, token] of tokens.entries()) {
    if (!candidates.includes(token) || known.has(token)) continue;
    const found = await optionsFor(db, token);
    if (found.length > 0) options.set(i, found);
  }
  return options.size === 0 ? [] : combine(tokens, options);
}
