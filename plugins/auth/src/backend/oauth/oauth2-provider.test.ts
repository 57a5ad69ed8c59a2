import { describe, expect, it } from 'vitest';
import { readOAuthProviders } from './configured-providers.js';
import { oauth2Profile } from './oauth2-provider.js';

const block = {
  clientId: 'c',
  clientSecret: 's',
  authorizationUrl: 'https://sso.example.com/authorize',
  tokenUrl: 'https://sso.example.com/token',
};
const read = (config: Record<string, unknown>) =>
  readOAuthProviders({ oauth2: { production: config } }, 'production', 'https://portal.example.com/api/auth');

describe('the generic OAuth2 provider config', () => {
  it('is offered with its callback under the auth base URL and the email resolver by default', () => {
    const [configured] = read(block);
    expect(configured?.provider).toMatchObject({ id: 'oauth2', title: 'OAuth 2.0' });
    expect(configured?.callbackUrl).toBe('https://portal.example.com/api/auth/oauth2/handler/frame');
    expect(configured?.resolvers.map((r) => r.resolver)).toEqual(['emailMatchingUserEntityProfileEmail']);
  });

  it('refuses plain http endpoints except on loopback, naming the key', () => {
    expect(() => read({ ...block, tokenUrl: 'http://sso.example.com/token' })).toThrow(
      'auth.providers.oauth2.production.tokenUrl: must use https (plain http is allowed only on loopback)',
    );
    expect(read({ ...block, tokenUrl: 'http://127.0.0.1:9000/token' })).toHaveLength(1);
    expect(() => read({ ...block, authorizationUrl: undefined })).toThrow(
      'auth.providers.oauth2.production.authorizationUrl',
    );
  });

  it('sends state, PKCE S256 and the scope only when one is set', async () => {
    const [configured] = read({ ...block, scope: 'profile email' });
    const url = await configured!.provider.authorizationUrl({
      redirectUri: 'https://portal.example.com/cb',
      state: 'st',
      codeVerifier: 'v',
      nonce: 'n',
    } as never);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'c',
      state: 'st',
      code_challenge_method: 'S256',
      scope: 'profile email',
    });
    const [bare] = read(block);
    const plain = await bare!.provider.authorizationUrl({
      redirectUri: 'x',
      state: 's',
      codeVerifier: 'v',
    } as never);
    expect(plain.searchParams.has('scope')).toBe(false);
  });
});

describe('oauth2Profile', () => {
  it('reads OIDC claim names, then GitHub-like ones', () => {
    expect(
      oauth2Profile({ sub: 'a1', email: 'a@x', preferred_username: 'ada', name: 'Ada', picture: 'p' }),
    ).toEqual({
      subject: 'a1',
      email: 'a@x',
      username: 'ada',
      displayName: 'Ada',
      picture: 'p',
    });
    expect(oauth2Profile({ id: 42, login: 'octo', avatar_url: 'av' })).toEqual({
      subject: '42',
      email: undefined,
      username: 'octo',
      displayName: 'octo',
      picture: 'av',
    });
  });

  it('refuses a profile without a subject', () => {
    expect(() => oauth2Profile({ email: 'a@x' })).toThrow("has no 'sub' or 'id'");
  });
});
