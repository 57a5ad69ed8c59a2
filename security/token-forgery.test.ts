// Class 4: a signed-in user holds one real token and the public JWKS, and tries to turn
// them into a token for someone else or for longer; an operator's external tokens are
// used beyond their restrictions. Every forgery must answer 401 (403 for restrictions).
import { randomBytes } from 'node:crypto';
import { testDatabaseKinds } from '@atrium/test-kit';
import { generateKeyPair, importJWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackTarget, startAttackTarget } from './support/attack-target.js';
import { createAttempts } from './support/expect-refused.js';
import {
  decodeToken,
  publicKeyAsSecrets,
  signToken,
  tamperedToken,
  unsignedToken,
} from './support/forge-token.js';

const PROTECTED = ['/api/catalog/entities?limit=1', '/api/scaffolder/v2/tasks'];
const legacySecret = randomBytes(32).toString('base64');
const readOnlyToken = `read-only-${randomBytes(12).toString('hex')}`;
const readActionToken = `read-action-${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

describe.each(testDatabaseKinds())('token forgery on %s', (kind) => {
  let target: AttackTarget;
  let token: string;
  let realKey: CryptoKey;
  let header: Record<string, unknown>;
  let payload: JWTPayload;
  const statuses = async (bearer: string) =>
    Promise.all(PROTECTED.map(async (path) => (await target.call('GET', path, { token: bearer })).status));

  beforeAll(async () => {
    target = await startAttackTarget(kind, {
      config: {
        backend: {
          auth: {
            externalAccess: [
              { type: 'legacy', options: { secret: legacySecret, subject: 'legacy-caller' } },
              {
                type: 'static',
                options: { token: readOnlyToken, subject: 'reader' },
                accessRestrictions: [{ plugin: 'catalog', permission: 'catalog.entity.read' }],
              },
              {
                type: 'static',
                options: { token: readActionToken, subject: 'read-action' },
                accessRestrictions: [{ plugin: 'catalog', permissionAttribute: { action: ['read'] } }],
              },
            ],
          },
        },
      },
    });
    token = await target.signInAsGuest();
    ({ header, payload } = decodeToken(token));
    const stored = (await target.signingKeys()).find((k) => k.kid === header.kid);
    if (!stored) throw new Error(`no signing key with kid ${String(header.kid)} in the database`);
    realKey = (await importJWK(stored.privateJwk, 'ES256')) as CryptoKey;
  });
  afterAll(() => target?.stop());

  it('accepts the real token, and the same claims signed again with the real key (the forging works)', async () => {
    expect(await statuses(token)).toEqual([200, 200]);
    expect(await statuses(await signToken(header, payload, realKey))).toEqual([200, 200]);
  });

  it('refuses every forged user token', async () => {
    const attempts = createAttempts(target.secrets);
    const { keys } = (await target.call('GET', '/api/auth/.well-known/jwks.json')).json as {
      keys: Array<Record<string, string>>;
    };
    const otherKey = (await generateKeyPair('ES256')).privateKey;
    const forgeries: Array<[string, string]> = [
      ['alg none', unsignedToken(header, payload)],
      ['alg none, no signature part', unsignedToken(header, payload).slice(0, -1)],
      ['tampered sub', tamperedToken(token, { sub: 'user:default/admin' })],
      ['tampered ent', tamperedToken(token, { ent: ['group:default/admins', 'user:default/admin'] })],
      ['tampered exp', tamperedToken(token, { exp: now() + 365 * 86_400 })],
      ['signed with another key under the real kid', await signToken(header, payload, otherKey)],
      [
        'signed with another key under a new kid',
        await signToken({ ...header, kid: 'attacker' }, payload, otherKey),
      ],
      [
        'expired, real key',
        await signToken(header, { ...payload, iat: now() - 7200, exp: now() - 3600 }, realKey),
      ],
      ['no exp, real key', await signToken(header, { ...payload, exp: undefined }, realKey)],
      ['wrong typ JWT, real key', await signToken({ ...header, typ: 'JWT' }, payload, realKey)],
      ['no typ, real key', await signToken({ alg: 'ES256', kid: header.kid }, payload, realKey)],
      [
        'wrong issuer, real key',
        await signToken(header, { ...payload, iss: 'https://evil.example.com' }, realKey),
      ],
      ['wrong audience, real key', await signToken(header, { ...payload, aud: 'catalog' }, realKey)],
    ];
    for (const jwk of keys) {
      for (const [index, secret] of (await publicKeyAsSecrets(jwk)).entries()) {
        const hs = { ...header, alg: 'HS256', kid: jwk.kid };
        forgeries.push([
          `HS256 with the public key as secret (form ${index})`,
          await signToken(hs, payload, secret),
        ]);
      }
    }
    for (const [name, forged] of forgeries) {
      const got = await statuses(forged);
      attempts.check(
        got.every((s) => s === 401),
        `${name}: answered ${got.join(', ')}`,
      );
    }
    attempts.assertAllRefused();
  });

  it('refuses a plugin token on a plugin it was not issued for', async () => {
    const forAuth = await target.backend.serviceToken('auth');
    expect(await statuses(forAuth)).toEqual([401, 401]);
    const service = { alg: 'ES256', kid: String(header.kid), typ: 'vnd.backstage.plugin' };
    const claims = {
      iss: payload.iss,
      sub: 'plugin:scaffolder',
      aud: 'scaffolder',
      iat: now(),
      exp: now() + 600,
    };
    const forScaffolder = await new SignJWT(claims).setProtectedHeader(service).sign(realKey);
    expect((await target.call('GET', PROTECTED[0]!, { token: forScaffolder })).status).toBe(401);
    expect((await target.call('GET', PROTECTED[1]!, { token: forScaffolder })).status).toBe(200);
  });

  it('refuses a legacy token without exp, and accepts one with exp', async () => {
    const key = Buffer.from(legacySecret, 'base64');
    const legacy = (claims: JWTPayload) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key);
    expect(await statuses(await legacy({ sub: 'backstage-server' }))).toEqual([401, 401]);
    expect(await statuses(await legacy({ sub: 'backstage-server', exp: now() - 60 }))).toEqual([401, 401]);
    expect(await statuses(await legacy({ sub: 'backstage-server', exp: now() + 300 }))).toEqual([200, 200]);
  });

  it('holds external tokens to their access restrictions', async () => {
    const location = { type: 'url', target: 'https://example.com/org/repo/blob/main/catalog-info.yaml' };
    for (const restricted of [readOnlyToken, readActionToken]) {
      expect((await target.call('GET', PROTECTED[0]!, { token: restricted })).status).toBe(200);
      const created = await target.call('POST', '/api/catalog/locations', {
        token: restricted,
        body: location,
      });
      expect(created.status, created.text).toBe(403);
      expect((await target.call('GET', PROTECTED[1]!, { token: restricted })).status).toBe(403);
    }
  });

  it('refuses a token after its user signed out', async () => {
    const session = await target.signInAsGuest();
    expect(await statuses(session)).toEqual([200, 200]);
    // As the web app signs out: sign-out, like refresh, is refused without the CSRF header.
    const out = await target.call('POST', '/api/auth/guest/logout', {
      token: session,
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(out.status).toBeLessThan(300);
    expect(await statuses(session)).toEqual([401, 401]);
    // Another session of the same user is not affected.
    expect(await statuses(token)).toEqual([200, 200]);
  });
});
