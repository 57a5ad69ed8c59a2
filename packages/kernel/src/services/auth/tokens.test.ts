import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineHttpApi } from '@atrium/http-api';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import Database from 'better-sqlite3';
import { base64url, exportSPKI, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';

const whoamiApi = defineHttpApi({ routes: { whoami: { method: 'GET', path: '/whoami' } } });
const plugin = (id: string) =>
  definePlugin({
    id,
    deps: { http: coreServices.httpRouter },
    apis: [whoamiApi],
    init({ deps }) {
      deps.http.implement(whoamiApi, { whoami: ({ credentials }) => credentials.principal });
    },
  });

const issuer = 'http://localhost:7007';
const dataDir = mkdtempSync(join(tmpdir(), 'atrium-tokens-'));
let backend: TestBackend;
let userToken: string;
// What an attacker holding the kernel database would have: the signing key itself. Used
// here to show that claims are checked, not only signatures.
let signingKey: { kid: string; privateKey: CryptoKey; publicJwk: JWK };

beforeAll(async () => {
  backend = await startTestBackend({
    features: [plugin('notes'), plugin('other')],
    config: { backend: { database: { client: 'better-sqlite3', connection: { directory: dataDir } } } },
  });
  userToken = await backend.userToken('user:default/ada');
  const db = new Database(join(dataDir, 'kernel.sqlite'), { readonly: true });
  const row = db.prepare('SELECT kid, public_jwk, private_jwk FROM atrium_auth_keys').get() as {
    kid: string;
    public_jwk: string;
    private_jwk: string;
  };
  db.close();
  signingKey = {
    kid: row.kid,
    privateKey: (await importJWK(JSON.parse(row.private_jwk) as JWK, 'ES256')) as CryptoKey,
    publicJwk: JSON.parse(row.public_jwk) as JWK,
  };
});
afterAll(() => backend.stop());

const status = async (token: string, pluginId = 'notes') =>
  (await backend.fetch(`/api/${pluginId}/whoami`, { token })).status;

function mint(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  let jwt = new SignJWT({ sid: 'x', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid, typ: 'vnd.backstage.user', ...header } as never)
    .setIssuer(issuer)
    .setIssuedAt();
  if (!('sub' in claims)) jwt = jwt.setSubject('user:default/mallory');
  if (!('aud' in claims)) jwt = jwt.setAudience('backstage');
  if (!('exp' in claims)) jwt = jwt.setExpirationTime('5m');
  return jwt.sign(signingKey.privateKey);
}

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

describe('token verification', () => {
  it('accepts a plugin token only at the plugin it was issued for', async () => {
    expect(await status(await backend.serviceToken('notes'), 'notes')).toBe(200);
    expect(await status(await backend.serviceToken('other'), 'notes')).toBe(401);
    // A user token (audience backstage) is valid for every plugin.
    expect(await status(userToken, 'other')).toBe(200);
  });

  it('refuses alg none, HS256 signed with the public key, and a foreign key under our kid', async () => {
    const [, payload] = userToken.split('.');
    const header = { alg: 'none', kid: signingKey.kid, typ: 'vnd.backstage.user' };
    expect(await status(`${encode(header)}.${payload}.`)).toBe(401);

    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const publicPem = await exportSPKI((await importJWK(signingKey.publicJwk, 'ES256')) as CryptoKey);
    for (const secret of [JSON.stringify(signingKey.publicJwk), publicPem]) {
      const hs = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: signingKey.kid, typ: 'vnd.backstage.user' })
        .sign(new TextEncoder().encode(secret));
      expect(await status(hs)).toBe(401);
    }

    const foreign = await generateKeyPair('ES256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid, typ: 'vnd.backstage.user' })
      .sign(foreign.privateKey);
    expect(await status(forged)).toBe(401);
  });

  it('refuses a token whose ownership claims were changed after signing', async () => {
    const [header, payload, signature] = userToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const tampered = encode({ ...claims, ent: ['group:default/admins'] });
    expect(await status(`${header}.${tampered}.${signature}`)).toBe(401);
  });

  it('refuses tokens signed with our key but with a wrong type, audience, expiry or session', async () => {
    const sid = JSON.parse(Buffer.from(userToken.split('.')[1] ?? '', 'base64url').toString()).sid as string;
    // The control: with every claim right, the minted token is accepted.
    expect(await status(await mint({ sid }))).toBe(200);
    expect(await status(await mint({ sid }, { typ: 'JWT' }))).toBe(401);
    expect(await status(await mint({ sid }, { typ: 'vnd.backstage.limited-user' }))).toBe(401);
    expect(await status(await mint({ sid, aud: 'catalog' }))).toBe(401);
    expect(await status(await mint({ sid, aud: ['backstage', 'notes'] }))).toBe(401);
    expect(await status(await mint({ sid, exp: Math.floor(Date.now() / 1000) - 60 }))).toBe(401);
    expect(await status(await mint({ sid, sub: undefined }))).toBe(401);
    expect(await status(await mint({ sid: undefined }))).toBe(401);
    expect(await status(await mint({ sid: 'no-such-session' }))).toBe(401);
    expect(await status(await mint({ sid, obo: 'user:default/admin' }))).toBe(401);
  });
});
