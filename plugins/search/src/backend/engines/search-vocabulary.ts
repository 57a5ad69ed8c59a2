import { sql } from '@atrium/kernel';
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: the plugin's own tables.
type Db = Kysely<any>;

/** Words shorter than this are never corrected: too many real words sit one letter away. */
const minCorrectedLength = 4;
const maxWordLength = 32;
/** Past this many remembered words the writer forgets them (they are only a shortcut). */
const maxRemembered = 200_000;
const rowsPerStatement = 500;

/**
 * The words of names, titles and keywords that typo correction may answer: letters only
 * (numbers and ids are not misspelt, they are other ids), 3 to 32 of them, lowercased as
 * toSearchTokens lowercases a query.
 */
export function vocabularyWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && word.length <= maxWordLength && /^\p{L}+$/u.test(word));
}

/** The word and each way of deleting one letter of it (symmetric delete: typo and word share one). */
export function deletesOf(word: string): string[] {
  const variants = new Set([word]);
  for (let i = 0; i < word.length; i++) variants.add(word.slice(0, i) + word.slice(i + 1));
  return [...variants];
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

// The closest known word (at most 2 edits, 1 for short words); ties: same first letter, then alphabetical.
function closest(token: string, candidates: readonly string[]): string | undefined {
  const allowed = token.length < 6 ? 1 : 2;
  const scored = candidates
    .map((word) => ({ word, distance: editDistance(token, word) }))
    .filter((c) => c.distance <= allowed)
    .sort(
      (x, y) =>
        x.distance - y.distance ||
        Number(y.word[0] === token[0]) - Number(x.word[0] === token[0]) ||
        x.word.localeCompare(y.word),
    );
  return scored[0]?.word;
}

/**
 * The shortest known word that begins with `prefix`. Stemming can store a word shorter
 * than a prefix of it ('identity' as 'ident'), so the prefix 'identi' matches nothing;
 * the word does. The range reads the index; `substr` keeps it exact under any collation.
 */
async function completionOf(db: Db, prefix: string): Promise<string | undefined> {
  const last = prefix.codePointAt(prefix.length - 1)!;
  const above = prefix.slice(0, -1) + String.fromCodePoint(last + 1);
  const { rows } = await sql<{ word: string }>`
    select word from search_words where word >= ${prefix} and word < ${above}
      and substr(word, 1, ${prefix.length}) = ${prefix} and word <> ${prefix}
    order by length(word), word limit 1`.execute(db);
  return rows[0]?.word;
}

// The closest known word of those sharing a one-letter deletion with `token`.
async function closestKnown(db: Db, token: string): Promise<string | undefined> {
  const { rows } = await sql<{ word: string }>`
    select distinct word from search_word_deletes where variant in (${sql.join(deletesOf(token))})`.execute(
    db,
  );
  return closest(
    token,
    rows.map((r) => r.word),
  );
}

// Each word and its deletions; words stored already are left as they are.
async function insertWords(db: Db, words: readonly string[]): Promise<void> {
  const deletes = words.flatMap((word) => deletesOf(word).map((variant) => ({ variant, word })));
  for (let start = 0; start < words.length; start += rowsPerStatement) {
    await db
      .insertInto('search_words')
      .values(words.slice(start, start + rowsPerStatement).map((word) => ({ word })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (let start = 0; start < deletes.length; start += rowsPerStatement) {
    await db
      .insertInto('search_word_deletes')
      .values(deletes.slice(start, start + rowsPerStatement))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * The vocabulary of the index (`search_words`, with `search_word_deletes` for lookups by a
 * deletion): typo correction by index seeks instead of a trigram scan of the documents.
 * Words are added as documents are written and never removed (a correction that no
 * longer matches anything finds nothing, as the typo did).
 */
export function createVocabulary() {
  const remembered = new Set<string>();

  /**
   * Inserts the words of `texts` that are neither remembered nor in `skip`, in the caller's
   * transaction when it has one; returns them for `remember` once that has committed
   * (remembered at once, a word of a rolled-back or rerun transaction would never be stored).
   */
  async function add(
    db: Db,
    texts: readonly string[],
    skip: ReadonlySet<string> = new Set(),
  ): Promise<string[]> {
    const fresh = [...new Set(texts.flatMap(vocabularyWords))].filter(
      (word) => !remembered.has(word) && !skip.has(word),
    );
    if (fresh.length > 0) await insertWords(db, fresh);
    return fresh;
  }

  /** Skips `words` in later `add` calls: they are stored (committed). */
  function remember(words: Iterable<string>): void {
    const list = [...words];
    if (remembered.size + list.length > maxRemembered) remembered.clear();
    for (const word of list) remembered.add(word);
  }

  /**
   * The tokens with each unknown word (letters only, 4 or more) replaced by the closest
   * known one, the last word (a prefix) first by the shortest known word it begins;
   * `undefined` when no word was replaced.
   */
  async function correct(db: Db, tokens: readonly string[]): Promise<string[] | undefined> {
    const unknown = tokens.filter((t) => t.length >= minCorrectedLength && /^\p{L}+$/u.test(t));
    if (unknown.length === 0) return undefined;
    const { rows: known } = await sql<{ word: string }>`
      select word from search_words where word in (${sql.join(unknown)})`.execute(db);
    const knownWords = new Set(known.map((r) => r.word));
    const corrections = new Map<string, string>();
    for (const token of unknown.filter((t) => !knownWords.has(t))) {
      const word =
        (token === tokens.at(-1) ? await completionOf(db, token) : undefined) ??
        (await closestKnown(db, token));
      if (word) corrections.set(token, word);
    }
    if (corrections.size === 0) return undefined;
    return tokens.map((token) => corrections.get(token) ?? token);
  }

  return { add, remember, correct };
}

/** The vocabulary of one engine. */
export type SearchVocabulary = ReturnType<typeof createVocabulary>;
