import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: the plugin's own tables.
type Db = Kysely<any>;

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

  return { add, remember };
}

/** The vocabulary of one engine. */
export type SearchVocabulary = ReturnType<typeof createVocabulary>;
