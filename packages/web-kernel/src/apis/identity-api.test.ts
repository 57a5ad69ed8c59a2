// @vitest-environment happy-dom
import { ResponseError } from '@atrium/errors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDiscoveryApi } from './discovery-api.js';
import { createFetchApi } from './fetch-api.js';
import { createIdentityApi } from './identity-api.js';

const backend = 'http://backend.test';
const discoveryApi = createDiscoveryApi({ baseUrl: backend });

function refreshBody(token: string, expiresInSeconds = 3600) {
  return {
    profile: { displayName: 'Guest' },
    providerInfo: {},
    backstageIdentity: {
      token,
      expiresInSeconds,
      identity: {
        type: 'user',
        userEntityRef: 'user:development/guest',
        ownershipEntityRefs: ['user:development/guest'],
      },
    },
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
beforeEach(() => {
  sessionStorage.clear();
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('identity API', () => {
  it('signs in as guest with the Backstage refresh call and keeps the session in sessionStorage', async () => {
    fetchMock.mockResolvedValueOnce(json(refreshBody('token-1')));
    const identity = createIdentityApi({ discoveryApi, storage: sessionStorage });
    const listener = vi.fn();
    identity.subscribe(listener);
    const session = await identity.signIn('guest');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`${backend}/api/auth/guest/refresh`);
    expect(new Headers(init?.headers).get('X-Requested-With')).toBe('XMLHttpRequest');
    expect(session.identity.userEntityRef).toBe('user:development/guest');
    expect(identity.getState().status).toBe('signed-in');
    expect(listener).toHaveBeenCalled();
    expect(await identity.getCredentials()).toEqual({ token: 'token-1' });
    // A reload of the tab restores the session without asking the backend.
    const reloaded = createIdentityApi({ discoveryApi, storage: sessionStorage });
    expect(await reloaded.getCredentials()).toEqual({ token: 'token-1' });
  });

  it('reports the server error when sign-in fails', async () => {
    fetchMock.mockResolvedValueOnce(
      json(
        { error: { name: 'NotFoundError', message: "no provider 'github'" }, response: { statusCode: 404 } },
        404,
      ),
    );
    const identity = createIdentityApi({ discoveryApi });
    const failure = await identity.signIn('github').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ResponseError);
    expect(failure).toMatchObject({
      name: 'NotFoundError',
      message: "no provider 'github'",
      statusCode: 404,
    });
    expect(identity.getState()).toEqual({ status: 'signed-out', reason: 'not-signed-in' });
  });

  it('refreshes the token before it expires', async () => {
    vi.useFakeTimers();
    fetchMock
      .mockResolvedValueOnce(json(refreshBody('token-1', 600)))
      .mockResolvedValueOnce(json(refreshBody('token-2', 600)));
    const identity = createIdentityApi({ discoveryApi });
    await identity.signIn('guest');
    await vi.advanceTimersByTimeAsync(449_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(await identity.getCredentials()).toEqual({ token: 'token-2' });
    // The refresh shows the current token, so the backend continues the same session.
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).get('Authorization')).toBeNull();
    expect(new Headers(fetchMock.mock.calls[1]?.[1]?.headers).get('Authorization')).toBe('Bearer token-1');
  });

  it('signs out locally first, then tells the backend', async () => {
    fetchMock
      .mockResolvedValueOnce(json(refreshBody('token-1')))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    const identity = createIdentityApi({ discoveryApi, storage: sessionStorage });
    await identity.signIn('guest');
    await identity.signOut();
    expect(identity.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(sessionStorage.length).toBe(0);
    expect(fetchMock.mock.calls[1]?.[0]).toBe(`${backend}/api/auth/guest/logout`);
    expect(fetchMock.mock.calls[1]?.[1]?.method).toBe('POST');
    // The backend revokes the session of the token it is shown.
    expect(new Headers(fetchMock.mock.calls[1]?.[1]?.headers).get('Authorization')).toBe('Bearer token-1');
  });

  it('lists the sign-in providers', async () => {
    fetchMock.mockResolvedValueOnce(json({ providers: [{ id: 'guest', title: 'Guest' }] }));
    expect(await createIdentityApi({ discoveryApi }).listProviders()).toEqual([
      { id: 'guest', title: 'Guest' },
    ]);
  });
});

describe('fetch API', () => {
  it('sends the token to the backend only, and a 401 ends the session', async () => {
    fetchMock.mockResolvedValueOnce(json(refreshBody('token-1')));
    const identity = createIdentityApi({ discoveryApi });
    await identity.signIn('guest');
    const fetchApi = createFetchApi({ identityApi: identity, trustedOrigins: [backend] });

    fetchMock.mockResolvedValueOnce(json({ items: [] }));
    await fetchApi.fetch(`${backend}/api/catalog/entities`);
    expect(new Headers(fetchMock.mock.calls[1]?.[1]?.headers).get('Authorization')).toBe('Bearer token-1');

    fetchMock.mockResolvedValueOnce(json({}));
    await fetchApi.fetch('https://elsewhere.example.com/data');
    expect(new Headers(fetchMock.mock.calls[2]?.[1]?.headers).get('Authorization')).toBeNull();

    fetchMock.mockResolvedValueOnce(
      json({ error: { name: 'AuthenticationError', message: 'expired' } }, 401),
    );
    const response = await fetchApi.fetch(`${backend}/api/catalog/entities`);
    expect(response.status).toBe(401);
    expect(identity.getState()).toEqual({ status: 'signed-out', reason: 'unauthorized' });
  });

  it('comes back from a redirect sign-in: takes the token with the refresh cookie and cleans the URL', async () => {
    fetchMock.mockResolvedValueOnce(json(refreshBody('oidc-token')));
    const replaceUrl = vi.fn();
    const identity = createIdentityApi({
      discoveryApi,
      landingUrl: 'http://app.test/catalog?x=1&signedIn=oidc',
      replaceUrl,
    });
    expect(replaceUrl).toHaveBeenCalledWith('http://app.test/catalog?x=1');
    await vi.waitFor(() => expect(identity.getState().status).toBe('signed-in'));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`${backend}/api/auth/oidc/refresh`);
    expect(init?.credentials).toBe('include');
    expect(await identity.getCredentials()).toEqual({ token: 'oidc-token' });
  });

  it('shows why a redirect sign-in was refused', () => {
    const identity = createIdentityApi({
      discoveryApi,
      landingUrl: 'http://app.test/?signInError=no%20User%20matches',
      replaceUrl: () => {},
    });
    expect(identity.getState()).toEqual({
      status: 'signed-out',
      reason: 'failed',
      message: 'no User matches',
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('opens a popup for a redirect provider and takes the token once the popup reports success', async () => {
    fetchMock
      .mockResolvedValueOnce(json({ providers: [{ id: 'oidc', title: 'SSO', flow: 'redirect' }] }))
      .mockResolvedValueOnce(json(refreshBody('popup-token')));
    const popup = { closed: false } as Window;
    const open = vi.spyOn(window, 'open').mockReturnValue(popup);
    const identity = createIdentityApi({ discoveryApi });
    await identity.listProviders();
    const signedIn = identity.signIn('oidc');
    await vi.waitFor(() => expect(open).toHaveBeenCalled());
    const start = new URL(String(open.mock.calls[0]?.[0]));
    expect(`${start.origin}${start.pathname}`).toBe(`${backend}/api/auth/oidc/start`);
    expect(start.searchParams.get('flow')).toBe('popup');
    expect(start.searchParams.get('origin')).toBe(window.location.origin);
    // A message from another window or origin is ignored; the popup's own is taken.
    const result = { type: 'atrium-sign-in', provider: 'oidc', ok: true };
    window.dispatchEvent(
      new MessageEvent('message', { data: result, origin: 'http://evil.test', source: popup }),
    );
    window.dispatchEvent(new MessageEvent('message', { data: result, origin: backend, source: popup }));
    expect((await signedIn).token).toBe('popup-token');
    open.mockRestore();
  });
});
