import { describe, expect, it } from 'vitest';
import { deletesOf, editDistance, vocabularyWords } from './search-vocabulary.js';

describe('search vocabulary', () => {
  it('keeps the letter-only words of names and keywords, lowercased, never ids or numbers', () => {
    expect(vocabularyWords('Payments-Service-42 team-Ünïcode x1 ab default/payments')).toEqual([
      'payments',
      'service',
      'team',
      'ünïcode',
      'default',
      'payments',
    ]);
  });

  it('lets a typo and its word meet on a shared deletion', () => {
    const shared = (a: string, b: string) => deletesOf(a).some((v) => deletesOf(b).includes(v));
    expect(shared('paymnets', 'payments')).toBe(true);
    expect(shared('shiping', 'shipping')).toBe(true);
    expect(shared('storefornt', 'storefront')).toBe(true);
    expect(shared('gateway', 'payments')).toBe(false);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('paymnets', 'payments')).toBe(1);
    expect(editDistance('chekout', 'checkout')).toBe(1);
    expect(editDistance('idenity', 'identity')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
