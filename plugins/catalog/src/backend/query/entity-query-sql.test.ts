import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fullTextCondition, fullTextWords } from './entity-query-sql.js';
import { toFullText } from './query-entities.js';

// Compiles fragments without a database, to read the parameters they bind.
const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

describe('full-text filter', () => {
  it('splits a term on whitespace only, once per word', () => {
    expect(fullTextWords('hidden-payments-gateway')).toEqual(['hidden-payments-gateway']);
    expect(fullTextWords(' pay  gate\tpay ')).toEqual(['pay', 'gate']);
  });

  it('asks for every word (one condition each), with LIKE wildcards escaped', () => {
    const conditions = fullTextCondition(
      { fullText: { term: 'a_b 100%', keys: ['metadata.name'] } },
      'f.entity_id',
      ['component'],
    );
    expect(conditions.map((c) => c.compile(compiler).parameters.at(-1))).toEqual(['%a\\_b%', '%100\\%%']);
  });

  it('defaults the fields to the sort key, else metadata.uid, and ignores a blank term', () => {
    expect(toFullText({ term: ' Pay ' }, 'metadata.name')).toEqual({ term: 'pay', keys: ['metadata.name'] });
    expect(toFullText({ term: 'pay', fields: ['Metadata.Title'] })).toEqual({
      term: 'pay',
      keys: ['metadata.title'],
    });
    expect(toFullText({ term: 'pay' })?.keys).toEqual(['metadata.uid']);
    expect(toFullText({ term: '  ' })).toBeUndefined();
  });
});
