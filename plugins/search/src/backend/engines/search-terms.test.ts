import { describe, expect, it } from 'vitest';
import { toSearchTokens } from './search-terms.js';

describe('toSearchTokens', () => {
  it('keeps only words, so no FTS or tsquery syntax survives', () => {
    expect(toSearchTokens('"payments" -api NEAR/2 ledger*')).toEqual([
      'payments',
      'api',
      'near',
      '2',
      'ledger',
    ]);
    expect(toSearchTokens("a:* & !b | c') ; drop")).toEqual(['a', 'b', 'c', 'drop']);
    expect(toSearchTokens('/payment-intents/{id}/capture')).toEqual(['payment', 'intents', 'id', 'capture']);
    expect(toSearchTokens('"*-')).toEqual([]);
  });

  it('lowercases, normalises and bounds the words', () => {
    expect(toSearchTokens('Ｐａｙｍｅｎｔｓ Café')).toEqual(['payments', 'café']);
    expect(toSearchTokens('w '.repeat(40))).toHaveLength(16);
    expect(toSearchTokens('x'.repeat(500))[0]).toHaveLength(64);
  });
});
