import { testDatabaseVariants } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotesFixture, type Note, notesPolicy } from './__fixtures__/notes-fixture.js';
import { startSearch, type TestSearch } from './__fixtures__/start-search.js';
import { encodePageCursor } from './query/page-cursor.js';

function seedNotes(): Map<string, Note> {
  const notes = new Map<string, Note>();
  const add = (note: Note) => notes.set(note.ref, note);
  add({
    ref: 'note:payments',
    title: 'payments-gateway',
    text: 'Takes card payments for the shop',
    author: 'alice',
    kind: 'Component',
  });
  add({
    ref: 'note:ledger',
    title: 'ledger',
    text: 'Books every payments transaction twice',
    author: 'bob',
    kind: 'Component',
  });
  add({
    ref: 'note:billing',
    title: 'billing-api',
    text: 'Invoices; see the payments gateway',
    author: 'alice',
    kind: 'API',
  });
  for (let i = 0; i < 30; i++) {
    add({
      ref: `note:bulk-${i}`,
      title: `bulk-report-${i}`,
      text: 'A weekly report',
      author: i % 3 === 0 ? 'alice' : 'bob',
    });
  }
  // Every word in a name or keyword field, or one word in the title and one only in the text.
  add({ ref: 'note:both', title: 'marsupials', text: 'Two animals', author: 'bob', kind: 'Quokka Wombat' });
  add({ ref: 'note:mixed', title: 'quokka-mixed', text: 'wombat wombat wombat', author: 'bob' });
  add({ ref: 'note:identity', title: 'identity-broker', text: 'Signs people in', author: 'bob' });
  // "zephyr" once in a long keyword field (kind), or five times in a short text: by bm25
  // alone the text-only notes would rank first; by tiers the named ones do.
  for (let i = 0; i < 3; i++) {
    add({
      ref: `note:tier-named-${i}`,
      title: `tier-named-${i}`,
      text: 'Nothing relevant here',
      author: i % 2 === 0 ? 'alice' : 'bob',
      kind: `Gizmo ${'filler '.repeat(40)}zephyr`,
    });
  }
  for (let i = 0; i < 4; i++) {
    add({
      ref: `note:tier-text-${i}`,
      title: `tier-text-${i}`,
      text: 'zephyr zephyr zephyr zephyr zephyr',
      author: i % 2 === 0 ? 'alice' : 'bob',
    });
  }
  // Match 'ti' in a later title word and only in the text: after the titles beginning with 'ti'.
  add({ ref: 'note:floor-tiles', title: 'floor-tiles', text: 'Ceramic', author: 'alice' });
  // Named 'ti' with a title that begins otherwise: a name typed in full comes first.
  add({ ref: 'note:harbour-ti', title: 'harbour-board', text: 'Shows the tide', author: 'bob', name: 'ti' });
  // Another word that 'pay' begins.
  add({ ref: 'note:payload', title: 'payload-schema', text: 'Fields', author: 'bob' });
  add({ ref: 'note:harbour', title: 'harbour-gauge', text: 'Reads the tide twice a day', author: 'bob' });
  return notes;
}

// Every page of `term` at `limit`, in order, and the count each page reported.
async function allPages(search: TestSearch, term: string, limit: number, token?: string) {
  const titlesSeen: string[] = [];
  const counts = new Set<number>();
  let cursor: string | undefined;
  do {
    const { body } = await search.query(
      `term=${term}&pageLimit=${limit}${cursor ? `&pageCursor=${cursor}` : ''}`,
      token,
    );
    titlesSeen.push(...titles(body));
    counts.add(body.numberOfResults ?? Number.NaN);
    cursor = body.nextPageCursor;
  } while (cursor);
  return { titles: titlesSeen, counts: [...counts] };
}

const titles = (body: { results: Array<{ document: { title: string } }> }) =>
  body.results.map((r) => r.document.title);

describe.each(testDatabaseVariants())('search plugin on %s', (kind) => {
  let search: TestSearch;
  let notes: Map<string, Note>;
  let fixture: ReturnType<typeof createNotesFixture>;
  let alice: string;
  let mallory: string;

  beforeAll(async () => {
    notes = seedNotes();
    fixture = createNotesFixture(notes);
    search = await startSearch(kind, [...fixture.features, notesPolicy]);
    alice = await search.backend.userToken('user:default/alice');
    mallory = await search.backend.userToken('user:default/mallory');
    await search.waitFor('term=', (body) => body.numberOfResults === notes.size);
  });
  afterAll(() => search?.stop());

  it('ranks a name match above a mention in the text, with highlights and ranks', async () => {
    const { status, body } = await search.query('term=payments');
    expect(status).toBe(200);
    expect(titles(body)).toEqual(['payments-gateway', 'ledger', 'billing-api']);
    expect(body.results[0]).toMatchObject({
      type: 'note',
      rank: 1,
      document: { location: '/notes/note:payments', author: 'alice' },
    });
    expect(body.results[0]!.highlight).toMatchObject({ preTag: '<mark>', postTag: '</mark>' });
    expect(body.results[0]!.highlight!.fields.title).toContain('<mark>payments</mark>');
    expect(body.numberOfResults).toBe(3);
  });

  it('ranks a match in a name or keyword field above a mention only in the text, on every page', async () => {
    const named = (t: string) => t.startsWith('tier-named');
    for (const limit of [2, 3, 10]) {
      const pages = await allPages(search, 'zephyr', limit);
      expect(pages.counts).toEqual([7]);
      expect(new Set(pages.titles).size).toBe(7);
      expect(pages.titles.slice(0, 3).every(named)).toBe(true);
      expect(pages.titles.slice(3).some(named)).toBe(false);
    }
    expect(titles((await search.query('term=quokka wombat')).body)).toEqual(['marsupials', 'quokka-mixed']);
    const visible = await allPages(search, 'zephyr', 1, alice);
    expect(visible.counts).toEqual([4]);
    expect(visible.titles).toHaveLength(4);
    expect(visible.titles.slice(0, 2).every(named)).toBe(true);
    expect(visible.titles.slice(2).some(named)).toBe(false);
  });

  it('finds a word by a prefix that stemming stored shorter than the prefix typed', async () => {
    // 'identity' is stored stemmed as 'ident' on SQLite: 'identi' is no prefix of that.
    for (const term of ['identi', 'identit', 'identity']) {
      const { body } = await search.query(`term=${term}`);
      expect(titles(body)).toEqual(['identity-broker']);
      expect(body.results[0]!.highlight!.fields.title).toContain('<mark>identity</mark>');
    }
  });

  it("lists a short term's exact names, then the titles it begins in title order, then the rest by rank, on every page", async () => {
    const beginning = [0, 1, 2]
      .map((i) => `tier-named-${i}`)
      .concat([0, 1, 2, 3].map((i) => `tier-text-${i}`));
    for (const limit of [1, 2, 3, 10]) {
      const pages = await allPages(search, 'ti', limit);
      expect(pages.titles).toEqual(['harbour-board', ...beginning, 'floor-tiles', 'harbour-gauge']);
      expect(pages.counts).toEqual([10]);
    }
    const visible = await allPages(search, 't', 2, alice);
    const forAlice = ['tier-named-0', 'tier-named-2', 'tier-text-0', 'tier-text-2'];
    expect(visible.titles.slice(0, 4)).toEqual(forAlice);
    expect(visible.titles).toContain('floor-tiles');
    expect(visible.counts).toEqual([visible.titles.length]);
  });

  it('highlights each of many queries in flight with its own words', async () => {
    const terms = ['payments', 'ledger', 'billing', 'identity'];
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => search.query(`term=${terms[i % terms.length]}`)),
    );
    answers.forEach(({ body }, i) => {
      const term = terms[i % terms.length]!;
      expect(body.results.length).toBeGreaterThan(0);
      for (const result of body.results) {
        const marked = `${result.highlight?.fields.title ?? ''} ${result.highlight?.fields.text ?? ''}`;
        expect(marked).toContain(`<mark>${term}`);
        for (const other of terms.filter((t) => t !== term)) expect(marked).not.toContain(`<mark>${other}`);
      }
    });
  });

  it('matches the last word as a prefix (typeahead) and a typo by trigrams', async () => {
    expect(titles((await search.query('term=ledg')).body)).toEqual(['ledger']);
    expect(titles((await search.query('term=billing-a')).body)[0]).toBe('billing-api');
    expect(titles((await search.query('term=paymnets%20gateway')).body)[0]).toBe('payments-gateway');
  });

  it('corrects a typo to the closest word of the index, highlighted and counted like the word', async () => {
    const { body } = await search.query('term=paymnets%20gatewy');
    expect(titles(body)[0]).toBe('payments-gateway');
    // The corrected words are matched as words (highlighted), not as trigrams of the typo.
    expect(body.results[0]!.highlight!.fields.title).toContain('<mark>payments</mark>');
    expect(body.numberOfResults).toBe((await search.query('term=payments%20gateway')).body.numberOfResults);
    // A caller who may see only some documents gets the corrected words too, counted after permissions.
    const forAlice = await search.query('term=paymnets', alice);
    expect(titles(forAlice.body)).toEqual(['payments-gateway', 'billing-api']);
    expect(forAlice.body.numberOfResults).toBe(2);
  });

  it('corrects two words typed as one, and a three-letter word beside others, as words (highlighted)', async () => {
    for (const [term, word] of [
      ['paymentsxgateway', 'payments'],
      ['paymentsgateway', 'gateway'],
      ['billing%20apx', 'api'],
    ] as const) {
      const { body } = await search.query(`term=${term}`);
      expect(titles(body)[0]).toBe(term.startsWith('billing') ? 'billing-api' : 'payments-gateway');
      expect(body.results[0]!.highlight!.fields.title).toContain(`<mark>${word}</mark>`);
    }
  });

  it('matches the last word as the beginning of every known word, though the stemmer reads it as another', async () => {
    // SQLite's stemmer reads the prefix 'pay' as 'pai' and stores 'payments' as 'payment'.
    const { body } = await search.query('term=pay');
    const byTitle = new Map(body.results.map((r) => [r.document.title, r]));
    expect([...byTitle.keys()]).toEqual(expect.arrayContaining(['payments-gateway', 'payload-schema']));
    expect(byTitle.get('payments-gateway')!.highlight!.fields.title).toContain('<mark>payments</mark>');
    expect(byTitle.get('payload-schema')!.highlight!.fields.title).toContain('<mark>payload</mark>');
  });

  it('filters by type and by document fields', async () => {
    const apis = await search.query('term=payments&filters[kind]=api');
    expect(titles(apis.body)).toEqual(['billing-api']);
    expect((await search.query('term=payments&types[0]=unknown')).body).toEqual({
      results: [],
      numberOfResults: 0,
    });
    expect((await search.query('term=payments&types[0]=note')).body.numberOfResults).toBe(3);
  });

  it('fills every page of a field filter that most matches fail, with a true count', async () => {
    const seen: string[] = [];
    let cursor: string | undefined = '';
    for (let page = 0; cursor !== undefined; page++) {
      const { body } = await search.query(`term=report&filters[author]=alice&pageLimit=3${cursor}`);
      expect(body.numberOfResults).toBe(10);
      expect(body.results.length).toBe(page < 3 ? 3 : 1);
      seen.push(...body.results.map((r) => String(r.document.author)));
      cursor = body.nextPageCursor ? `&pageCursor=${body.nextPageCursor}` : undefined;
    }
    expect(seen).toEqual(Array(10).fill('alice'));
  });

  it('pages with cursors, counts the whole result', async () => {
    const first = await search.query('term=report&pageLimit=12');
    expect(first.body.results).toHaveLength(12);
    expect(first.body.numberOfResults).toBe(30);
    const second = await search.query(`term=report&pageLimit=12&pageCursor=${first.body.nextPageCursor}`);
    const third = await search.query(`term=report&pageLimit=12&pageCursor=${second.body.nextPageCursor}`);
    expect(third.body.results).toHaveLength(6);
    expect(third.body.nextPageCursor).toBeUndefined();
    expect(second.body.results[0]!.rank).toBe(13);
    const all = [...first.body.results, ...second.body.results, ...third.body.results].map(
      (r) => r.document.location,
    );
    expect(new Set(all).size).toBe(30);
  });

  it('browses without a term: every document in title order, the same true count on every page', async () => {
    const everything = [...notes.values()].map((note) => note.title).sort();
    for (const limit of [7, notes.size, notes.size + 3]) {
      const { titles: seen, counts } = await allPages(search, '', limit);
      expect(seen).toEqual(everything);
      expect(counts).toEqual([notes.size]);
    }
    const past = await search.query(`term=&pageLimit=10&pageCursor=${encodePageCursor(9)}`);
    expect(past.body.results).toEqual([]);
    expect(past.body.numberOfResults).toBe(notes.size);
  });

  it('filters by permission before paging: full pages and true counts', async () => {
    const page = await search.query('term=report&pageLimit=4', alice);
    expect(page.body.numberOfResults).toBe(10);
    expect(page.body.results).toHaveLength(4);
    const rest = await search.query(`term=report&pageLimit=4&pageCursor=${page.body.nextPageCursor}`, alice);
    expect(rest.body.results).toHaveLength(4);
    const payments = await search.query('term=payments', alice);
    expect(titles(payments.body)).toEqual(['payments-gateway', 'billing-api']);
    expect(JSON.stringify(payments.body)).not.toContain('ledger');
    expect((await search.query('term=payments', mallory)).body).toEqual({ results: [], numberOfResults: 0 });
    expect((await search.backend.fetch('/api/search/query?term=payments')).status).toBe(401);
  });

  it('updates a document within the test when its owner publishes a change', async () => {
    notes.set('note:quasar', { ref: 'note:quasar', title: 'quasar', text: 'A new service', author: 'bob' });
    await fixture.changed('note:quasar');
    expect(titles((await search.query('term=quasar')).body)).toEqual(['quasar']);
    notes.delete('note:ledger');
    await fixture.changed('note:ledger');
    expect(titles((await search.query('term=ledger')).body)).toEqual([]);
  });

  it('answers FTS syntax safely and refuses what it cannot search with a 400 naming the input', async () => {
    for (const term of [
      '"',
      '"payments',
      '*',
      'payments*',
      'NEAR',
      'payments NEAR ledger',
      '-payments',
      'a:b & !c | d',
      "'); drop table search_documents; --",
    ]) {
      const { status, body } = await search.query(`term=${encodeURIComponent(term)}`);
      expect(status, term).toBe(200);
      expect(Array.isArray(body.results), term).toBe(true);
    }
    expect(titles((await search.query(`term=${encodeURIComponent('"payments-gateway"')}`)).body)[0]).toBe(
      'payments-gateway',
    );
    const long = await search.query(`term=${'a'.repeat(10_000)}`);
    expect(long.status).toBe(400);
    expect(long.body.error?.message).toMatch(/'term' is 10000 characters long/);
    for (const [query, named] of [
      ['term=x&pageLimit=0', 'pageLimit'],
      ['term=x&pageLimit=abc', 'pageLimit'],
      ['term=x&pageCursor=%%%', 'pageCursor'],
      ['term=x&sort=desc', 'sort'],
      ['term=x&filters[a%22b]=1', 'filters[a"b]'],
    ] as const) {
      const { status, body } = await search.query(query);
      expect(status, query).toBe(400);
      expect(body.error?.message, query).toContain(named);
    }
  });
});
