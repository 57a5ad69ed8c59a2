// @vitest-environment happy-dom
import { type AppLayoutProps, createApp, defineAppLayout, defineWebPlugin } from '@atrium/web-kernel';
import { cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotesFixture, type Note } from '../backend/__fixtures__/notes-fixture.js';
import { startSearch, type TestSearch } from '../backend/__fixtures__/start-search.js';
import type { SearchResult } from '../common/search-types.js';
import { searchWebPlugin } from './plugin.js';
import { SearchResultRendererBlueprint } from './search-result-renderer-blueprint.js';

configure({ asyncUtilTimeout: 8000 });

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

// A layout that shows the top-bar actions, as the web app's does, and the current URL.
const testLayoutPlugin = defineWebPlugin({
  id: 'test-layout',
  extensions: [
    defineAppLayout({
      component: ({ actions, children }: AppLayoutProps) => (
        <>
          <header>{actions}</header>
          <LocationProbe />
          {children}
        </>
      ),
    }),
  ],
});

function NoteResult({ result }: { result: SearchResult }) {
  return (
    <p data-testid="note-result">
      Note by {String(result.document.author)}: {result.document.title}
    </p>
  );
}

// Another plugin's renderer, as the catalog contributes one for its entities.
const notesRendererPlugin = defineWebPlugin({
  id: 'notes',
  extensions: [
    SearchResultRendererBlueprint.make({
      name: 'note',
      params: { type: 'note', label: 'Notes', component: NoteResult },
    }),
  ],
});

function seed(): Map<string, Note> {
  const notes = new Map<string, Note>();
  notes.set('note:payments', {
    ref: 'note:payments',
    title: 'payments-gateway',
    text: 'Takes card payments',
    author: 'alice',
    kind: 'Component',
  });
  notes.set('note:billing', {
    ref: 'note:billing',
    title: 'billing-api',
    text: 'Invoices for payments',
    author: 'bob',
    kind: 'API',
  });
  for (let i = 0; i < 25; i++)
    notes.set(`note:r${i}`, { ref: `note:r${i}`, title: `report-${i}`, text: 'weekly', author: 'bob' });
  return notes;
}

describe('search UI against the real search backend', () => {
  let search: TestSearch;
  let token: string;
  const notes = seed();
  beforeAll(async () => {
    search = await startSearch('sqlite', createNotesFixture(notes).features);
    // The portal serves the app from the backend's origin; so does the test page (no CORS).
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(search.backend.url);
    await search.waitFor('term=', (body) => body.numberOfResults === notes.size);
    token = await search.backend.userToken();
  }, 60_000);
  afterAll(() => search?.stop());
  beforeEach(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(search.backend.url);
    const direct = globalThis.fetch.bind(globalThis);
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return direct(input, { ...init, headers });
    });
  });
  afterEach(cleanup);

  const renderApp = (path: string) =>
    render(
      createApp({
        features: [testLayoutPlugin, searchWebPlugin, notesRendererPlugin],
        config: { backend: { baseUrl: search.backend.url } },
        initialEntries: [path],
      }).createRoot(),
    );

  it('opens the modal on Ctrl+K, shows typeahead results grouped by type and opens one', async () => {
    renderApp('/');
    await screen.findByRole('button', { name: 'Search' });
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Search term'), { target: { value: 'paym' } });
    const results = await within(dialog).findByRole('list', { name: 'Search results' });
    expect(within(results).getByText('Notes')).toBeTruthy();
    const option = await within(results).findByRole('button', { name: /gateway/ });
    expect(option.querySelector('mark')?.textContent).toBe('payments');
    fireEvent.click(option);
    expect(screen.getByTestId('location').textContent).toBe('/notes/note:payments');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens the modal on / outside a text field, and Enter goes to the search page', async () => {
    renderApp('/');
    await screen.findByRole('button', { name: 'Search' });
    fireEvent.keyDown(window, { key: '/' });
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('Search term');
    fireEvent.change(input, { target: { value: 'billing' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByTestId('location').textContent).toBe('/search?term=billing');
    expect(await screen.findByText('Note by bob: billing-api')).toBeTruthy();
  });

  it('pages through results on the search page with the count of all of them', async () => {
    renderApp('/search?term=report');
    expect(await screen.findByText('25 results')).toBeTruthy();
    expect(await screen.findAllByTestId('note-result')).toHaveLength(20);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('note-result')).toHaveLength(5));
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
  });

  it('filters by kind from the URL and the filter fields', async () => {
    renderApp('/search?term=payments');
    await vi.waitFor(() => expect(screen.getAllByTestId('note-result')).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'api' } });
    await vi.waitFor(() =>
      expect(screen.getAllByTestId('note-result').map((e) => e.textContent)).toEqual([
        'Note by bob: billing-api',
      ]),
    );
    expect(screen.getByTestId('location').textContent).toBe('/search?term=payments&kind=api');
  });

  it("reads Backstage's ?query= link, and writes term= once the term changes", async () => {
    renderApp('/search?query=payments');
    await vi.waitFor(() => expect(screen.getAllByTestId('note-result')).toHaveLength(2));
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('payments');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'billing' } });
    expect(screen.getByTestId('location').textContent).toBe('/search?term=billing');
    expect(await screen.findByText('Note by bob: billing-api')).toBeTruthy();
  });
});
