const maxTokens = 16;
const maxTokenLength = 64;

/**
 * Splits a user's term into plain words (letters and digits only, lowercased), so no FTS
 * or tsquery syntax (`"`, `*`, `NEAR`, `-`, `:`, `&`) ever reaches an engine: each word
 * is quoted by the engine and matched as a word, never as an operator.
 *
 * @example
 * toSearchTokens('"payments" -api NEAR/2'); // ['payments', 'api', 'near', '2']
 */
export function toSearchTokens(term: string): string[] {
  return term
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, maxTokens)
    .map((word) => word.slice(0, maxTokenLength));
}
