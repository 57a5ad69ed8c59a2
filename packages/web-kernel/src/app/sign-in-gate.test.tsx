// @vitest-environment happy-dom
import { useQuery } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchApiRef } from '../apis/fetch-api.js';
import { identityApiRef } from '../apis/identity-api.js';
import { useApi } from '../apis/use-api.js';
import { PageBlueprint } from '../blueprints/page-blueprint.js';
import { SignInPageBlueprint } from '../blueprints/sign-in-page-blueprint.js';
import { defineWebPlugin } from '../extensions/define-web-plugin.js';
import { createApp } from './create-app.js';

const backend = 'http://backend.test';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const guestSession = {
  profile: { displayName: 'Guest' },
  backstageIdentity: {
    token: 'guest-token',
    expiresInSeconds: 3600,
    identity: { type: 'user', userEntityRef: 'user:development/guest', ownershipEntityRefs: [] },
  },
};

function SignIn() {
  const identityApi = useApi(identityApiRef);
  return (
    <button type="button" onClick={() => identityApi.signIn('guest')}>
      Enter as guest
    </button>
  );
}

// A sign-in page that loads what it offers, as the app's loads its providers; nothing is
// kept once it unmounts (gcTime 0), as after a long session the query cache drops it.
function SignInWithOptions() {
  const identityApi = useApi(identityApiRef);
  const options = useQuery({
    queryKey: ['sign-in-options'],
    queryFn: () => new Promise<string>((resolve) => setTimeout(() => resolve('guest'), 5)),
    gcTime: 0,
  });
  if (!options.data) return <p>Loading sign-in options</p>;
  return (
    <button type="button" onClick={() => identityApi.signIn(options.data)}>
      Enter as guest
    </button>
  );
}

function Secret() {
  const fetchApi = useApi(fetchApiRef);
  return (
    <button type="button" onClick={() => fetchApi.fetch(`${backend}/api/catalog/entities`)}>
      Load entities
    </button>
  );
}

// Kept for good (staleTime Infinity): only a cleared cache fetches it again.
let profileFetches = 0;
function Profile() {
  const fetchApi = useApi(fetchApiRef);
  const profile = useQuery({
    queryKey: ['profile'],
    queryFn: async () => ++profileFetches,
    staleTime: Infinity,
  });
  return (
    <button type="button" onClick={() => fetchApi.fetch(`${backend}/api/catalog/entities`)}>
      Profile fetched {profile.data ?? 0} times
    </button>
  );
}

const plugin = defineWebPlugin({
  id: 'test',
  extensions: [
    SignInPageBlueprint.make({ params: { loader: async () => <SignIn /> } }),
    PageBlueprint.make({ params: { path: '/', loader: async () => <Secret /> } }),
  ],
});

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
beforeEach(() => {
  sessionStorage.clear();
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('sign-in gate', () => {
  it('shows the sign-in page until the user signs in, then the app; a 401 returns to sign-in', async () => {
    const app = createApp({
      features: [plugin],
      config: { backend: { baseUrl: backend } },
      initialEntries: ['/'],
    });
    render(app.createRoot());
    expect(screen.queryByText('Load entities')).toBeNull();

    fetchMock.mockResolvedValueOnce(json(guestSession));
    fireEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    const load = await screen.findByRole('button', { name: 'Load entities' });

    fetchMock.mockResolvedValueOnce(
      json({ error: { name: 'AuthenticationError', message: 'token expired' } }, 401),
    );
    fireEvent.click(load);
    expect(await screen.findByRole('button', { name: 'Enter as guest' })).toBeTruthy();
    expect(new Headers(fetchMock.mock.calls[1]?.[1]?.headers).get('Authorization')).toBe(
      'Bearer guest-token',
    );
  });

  it("signing out drops cached data, and not the sign-in page's own loading", async () => {
    profileFetches = 0;
    const withOptions = defineWebPlugin({
      id: 'test',
      extensions: [
        SignInPageBlueprint.make({ params: { loader: async () => <SignInWithOptions /> } }),
        PageBlueprint.make({ params: { path: '/', loader: async () => <Profile /> } }),
      ],
    });
    const app = createApp({
      features: [withOptions],
      config: { backend: { baseUrl: backend } },
      initialEntries: ['/'],
    });
    render(app.createRoot());
    fetchMock.mockResolvedValueOnce(json(guestSession));
    fireEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    fetchMock.mockResolvedValueOnce(
      json({ error: { name: 'AuthenticationError', message: 'token expired' } }, 401),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Profile fetched 1 times' }));
    fetchMock.mockResolvedValueOnce(json(guestSession));
    fireEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    expect(await screen.findByRole('button', { name: 'Profile fetched 2 times' })).toBeTruthy();
  });

  it('leaves the app open when no sign-in page is installed', async () => {
    const open = defineWebPlugin({
      id: 'open',
      extensions: [PageBlueprint.make({ params: { path: '/', loader: async () => <Secret /> } })],
    });
    render(createApp({ features: [open], initialEntries: ['/'] }).createRoot());
    expect(await screen.findByRole('button', { name: 'Load entities' })).toBeTruthy();
  });
});
