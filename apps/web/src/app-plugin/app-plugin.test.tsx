// @vitest-environment happy-dom
import { createApp } from '@atrium/web-kernel';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { features } from '../features.js';

const backend = 'http://backend.test';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const guestSession = {
  profile: { displayName: 'Guest' },
  providerInfo: {},
  backstageIdentity: {
    token: 'guest-token',
    expiresInSeconds: 3600,
    identity: {
      type: 'user',
      userEntityRef: 'user:development/guest',
      ownershipEntityRefs: ['user:development/guest'],
    },
  },
};

/** Answers the auth backend's routes like the real one; `providers` can be made to fail. */
function fakeBackend(options: { isDown?: boolean; isAdmin?: boolean } = {}) {
  const calls: string[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = String(input);
    calls.push(`${init?.method ?? 'GET'} ${url.replace(backend, '')}`);
    if (options.isDown) throw new TypeError('Failed to fetch');
    if (url === `${backend}/api/auth/providers`)
      return json({ providers: [{ id: 'guest', title: 'Guest' }] });
    if (url === `${backend}/api/auth/guest/refresh`) return json(guestSession);
    if (url === `${backend}/api/auth/guest/logout`) return new Response(null, { status: 204 });
    if (url === `${backend}/api/rbac/access`)
      return json({ canRead: options.isAdmin === true, canWrite: false });
    return json(
      { error: { name: 'NotFoundError', message: `no route ${url}` }, response: { statusCode: 404 } },
      404,
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock, setDown: (isDown: boolean) => Object.assign(options, { isDown }) };
}

const config = {
  app: { title: 'Acme Portal' },
  backend: { baseUrl: backend },
  organization: { name: 'Acme' },
};
const renderApp = (path = '/') =>
  render(createApp({ features, config, initialEntries: [path] }).createRoot());

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the default app', () => {
  it('shows the sign-in page to signed-out users and the home page after guest sign-in', async () => {
    const backendFake = fakeBackend();
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Acme Portal' })).toBeTruthy();
    // It promises what ships: search, the catalog, docs, scorecards and templates.
    const intro = screen.getByText(/^Sign in to/).textContent ?? '';
    expect(intro).toContain('search');
    expect(intro).toContain('software catalog');
    expect(intro).toContain('docs');
    expect(intro).toContain('templates');
    expect(intro).toMatch(/scorecards/);
    fireEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    expect(await screen.findByRole('heading', { name: 'Welcome, Guest' })).toBeTruthy();
    // Administration pages ask whether the user may use them before they are listed.
    await waitFor(() =>
      expect([...backendFake.calls].sort()).toEqual([
        'GET /api/app/layout/access',
        'GET /api/audit/access',
        'GET /api/auth/guest/refresh',
        'GET /api/auth/providers',
        'GET /api/plugins/access',
        'GET /api/rbac/access',
        'GET /api/scorecards/access',
      ]),
    );
    const nav = screen.getByRole('navigation', { name: 'Main' }).textContent;
    // This user may not read the policy, and the fake backend has no audit plugin (404).
    expect(nav).not.toContain('Administration');
    expect(nav).not.toContain('Audit log');
    expect(nav).toContain('Home');
    // The default app lists the catalog and template plugins; the home page links their pages.
    expect(nav).toContain('Catalog');
    expect(nav).toContain('Create');
    expect(screen.queryByText('No plugins installed yet')).toBeNull();
  });

  it('lists Access control under Administration for users who may read the RBAC policy', async () => {
    fakeBackend({ isAdmin: true });
    renderApp('/');
    fireEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    const admin = await screen.findByRole('list', { name: 'Administration' });
    expect(await within(admin).findByRole('link', { name: 'Access control' })).toBeTruthy();
  });

  it('explains a backend that cannot be reached and retries on request', async () => {
    const backendFake = fakeBackend({ isDown: true });
    renderApp('/');
    const panel = await screen.findByRole('alert');
    expect(panel.textContent).toContain('Could not reach the sign-in service');
    expect(panel.textContent).toContain('Failed to fetch');
    backendFake.setDown(false);
    fireEvent.click(within(panel).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('button', { name: 'Enter as guest' })).toBeTruthy();
  });

  it('switches the theme and remembers it; signs out back to the sign-in page', async () => {
    const backendFake = fakeBackend();
    renderApp('/');
    fireEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    await screen.findByRole('heading', { name: 'Welcome, Guest' });
    const toDark = screen.queryByRole('button', { name: 'Switch to dark theme' });
    const toggle = toDark ?? screen.getByRole('button', { name: 'Switch to light theme' });
    fireEvent.click(toggle);
    expect(localStorage.getItem('atrium.theme')).toBe(toDark ? 'dark' : 'light');

    fireEvent.click(screen.getByRole('button', { name: 'Guest' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Enter as guest' })).toBeTruthy();
    expect(backendFake.calls).toContain('POST /api/auth/guest/logout');
  });

  it('shows the identity and ownership refs on the settings page, reached from the user menu', async () => {
    fakeBackend();
    renderApp('/');
    fireEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    await screen.findByRole('heading', { name: 'Welcome, Guest' });
    fireEvent.click(screen.getByRole('button', { name: 'Guest' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByLabelText('User entity ref').textContent).toBe('user:development/guest');
    expect(screen.getByLabelText('Ownership refs').textContent).toBe('user:development/guest');
    expect(screen.getByRole('group', { name: 'Theme' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Enter as guest' })).toBeTruthy();
  });

  it('shows the not-found page for unknown routes', async () => {
    fakeBackend();
    sessionStorage.setItem(
      'atrium.session',
      JSON.stringify({
        providerId: 'guest',
        token: 'guest-token',
        expiresAt: Date.now() + 3_600_000,
        lifetimeMs: 3_600_000,
        profile: { displayName: 'Guest' },
        identity: { type: 'user', userEntityRef: 'user:development/guest', ownershipEntityRefs: [] },
      }),
    );
    renderApp('/no/such/page');
    expect(await screen.findByText('Page not found')).toBeTruthy();
    expect(screen.getByText('/no/such/page')).toBeTruthy();
  });
});
