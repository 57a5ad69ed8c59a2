// @vitest-environment happy-dom
import { createCredentials } from '@atrium/kernel';
import type { TestBackend } from '@atrium/test-kit';
import { createApp } from '@atrium/web-kernel';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuditProbe, startAuditBackend } from '../backend/__fixtures__/audit-probe.js';
import { auditWebPlugin } from './plugin.js';

const ada = createCredentials({ type: 'user', userEntityRef: 'user:default/ada', ownershipEntityRefs: [] });

describe('audit log viewer', () => {
  let backend: TestBackend;
  const probe = createAuditProbe();
  const requests: string[] = [];

  // The app under test has no sign-in: this fetch adds the chosen user's token.
  async function signInAs(user: string) {
    const token = await backend.userToken(user);
    const forward = globalThis.fetch.bind(globalThis);
    vi.stubGlobal('fetch', (input: string | URL | Request, init: RequestInit = {}) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      requests.push(new URL(url).pathname);
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return forward(url, { ...init, headers });
    });
  }

  function renderApp(path: string) {
    const app = createApp({
      features: [auditWebPlugin],
      config: { backend: { baseUrl: window.location.origin } },
      initialEntries: [path],
    });
    render(app.createRoot());
  }

  beforeAll(async () => {
    backend = await startAuditBackend(probe, { auditReads: false });
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(backend.url);
    for (let n = 0; n < 30; n++) {
      await probe.auditor().record({
        eventId: n === 7 ? 'thing.delete' : 'thing.create',
        credentials: ada,
        target: `component:default/c${n}`,
        status: n === 7 ? 'failed' : 'succeeded',
        error: n === 7 ? new Error('disk full') : undefined,
      });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const token = await backend.userToken('user:default/admin');
    await vi.waitFor(
      async () =>
        expect(
          (await (await backend.fetch('/api/audit/events?limit=100', { token })).json()).items,
        ).toHaveLength(30),
      { timeout: 10_000, interval: 25 },
    );
    // Compile the page's chunk before the first test's waits start.
    await import('./page/audit-page.js');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    requests.length = 0;
  });
  afterAll(() => backend.stop());

  it('lists events newest first under Administration, pages through them and shows one as JSON', async () => {
    await signInAs('user:default/admin');
    renderApp('/audit');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const admin = await within(nav).findByRole('list', { name: 'Administration' }, { timeout: 5000 });
    expect(within(admin).getByRole('link', { name: 'Audit log' }).getAttribute('href')).toBe('/audit');
    const table = await screen.findByRole('table', { name: 'Audit events' }, { timeout: 5000 });
    await within(table).findByText('component:default/c29', undefined, { timeout: 5000 });
    expect(within(table).getAllByRole('row')).toHaveLength(21);
    fireEvent.click(screen.getByRole('button', { name: /next page/i }));
    await within(table).findByText('component:default/c9', undefined, { timeout: 5000 });
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(within(table).queryByText('component:default/c29')).toBeNull();
    fireEvent.click(within(table).getByRole('button', { name: /^Details of probe.thing.delete/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Audit event probe.thing.delete' });
    expect(dialog.textContent).toContain('"actorId": "user:default/ada"');
    expect(dialog.textContent).toContain('"message": "disk full"');
  });

  it('filters by status', async () => {
    await signInAs('user:default/admin');
    renderApp('/audit');
    const table = await screen.findByRole('table', { name: 'Audit events' }, { timeout: 5000 });
    await within(table).findByText('component:default/c29', undefined, { timeout: 5000 });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Status' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Failed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2), { timeout: 5000 });
    expect(within(table).getByText('component:default/c7')).toBeTruthy();
    expect(requests.some((path) => path === '/api/audit/events')).toBe(true);
  });

  it('hides the page from the navigation of a user without audit.event.read, whom the API refuses', async () => {
    await signInAs('user:default/mallory');
    renderApp('/audit');
    // The page itself shows the API's refusal.
    expect(
      await screen.findByText(/not allowed to audit\.event\.read/, undefined, { timeout: 5000 }),
    ).toBeTruthy();
    await waitFor(() => expect(requests).toContain('/api/audit/access'), { timeout: 5000 });
    // Give the nav check's answer time to render before asserting the entry stays hidden.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Audit log' })).toBeNull();
  });
});
