// Class 7: what the browser is told. Every kind of answer — the app, a client-side route,
// a static asset, an API answer, a 404, an error — carries a Content-Security-Policy that
// allows no inline or foreign script, forbids framing, and sends nosniff and a referrer
// policy that keeps paths on this origin; the served page needs nothing the policy forbids.
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackTarget, startAttackTarget } from './support/attack-target.js';
import type { Reply } from './support/http-caller.js';

const SAFE_REFERRER = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];

function directives(csp: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** What is wrong with a Content-Security-Policy (empty when nothing is). */
function policyProblems(csp: Map<string, string[]>): string[] {
  const problems: string[] = [];
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  if (!scripts) problems.push('CSP has neither script-src nor default-src');
  const unsafe = (scripts ?? []).filter((s) => /^'unsafe-(inline|eval)'$|^\*$|^(data|http|https):$/i.test(s));
  if (unsafe.length > 0) problems.push(`CSP lets scripts come from ${unsafe.join(' ')}`);
  const objects = csp.get('object-src') ?? csp.get('default-src') ?? [];
  if (!objects.includes("'none'"))
    problems.push(`CSP object-src is ${objects.join(' ') || 'unset'}, not 'none'`);
  if (!csp.has('base-uri')) problems.push('CSP has no base-uri');
  const ancestors = csp.get('frame-ancestors') ?? [];
  if (!ancestors.includes("'none'") && !ancestors.includes("'self'"))
    problems.push(`framing is not refused (frame-ancestors ${ancestors.join(' ') || 'unset'})`);
  return problems;
}

/** What is wrong with one answer's security headers (empty when nothing is). */
function headerProblems(reply: Reply): string[] {
  const problems: string[] = [];
  const csp = directives(reply.headers['content-security-policy']);
  if (csp.size === 0) problems.push('no Content-Security-Policy');
  else problems.push(...policyProblems(csp));
  const frameOption = (reply.headers['x-frame-options'] ?? '').toUpperCase();
  if (!['DENY', 'SAMEORIGIN'].includes(frameOption)) problems.push(`X-Frame-Options is '${frameOption}'`);
  if (reply.headers['x-content-type-options'] !== 'nosniff')
    problems.push('no X-Content-Type-Options: nosniff');
  const referrer = reply.headers['referrer-policy'] ?? '';
  if (!SAFE_REFERRER.includes(referrer)) problems.push(`Referrer-Policy is '${referrer}'`);
  return problems;
}

describe.each(testDatabaseKinds())('security headers on %s', (kind) => {
  let target: AttackTarget;
  let token: string;
  let html: string;

  beforeAll(async () => {
    target = await startAttackTarget(kind);
    token = await target.signInAsGuest();
    html = (await target.call('GET', '/')).text;
  });
  afterAll(() => target?.stop());

  it('sends them on every kind of answer', async () => {
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset, 'index.html loads a script from /assets').toBeDefined();
    const answers: Array<[string, string, string | undefined]> = [
      ['the app', '/', undefined],
      ['a client-side route', '/catalog/default/component/cart-service', undefined],
      ['a static asset', asset ?? '/assets/missing.js', undefined],
      ['an API answer', '/api/catalog/entities?limit=1', token],
      ['a public API answer', '/api/auth/providers', undefined],
      ['an API 404', '/api/catalog/no-such-route', token],
      ['a 404 outside the API', '/.well-known/no-such-thing', undefined],
      ['a 401', '/api/catalog/entities', undefined],
      ['a 400', '/api/catalog/entities?limit=-1', token],
      ['a health probe', '/.well-known/health/ready', undefined],
      ['/metrics', '/metrics', undefined],
    ];
    const problems: string[] = [];
    for (const [what, path, bearer] of answers) {
      const reply = await target.call('GET', path, { token: bearer });
      problems.push(...headerProblems(reply).map((p) => `${what} (GET ${path} -> ${reply.status}): ${p}`));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('serves a page that needs no inline script, so the policy can forbid it', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    const inline = scripts.filter(
      (attrs) => !/\bsrc=/.test(attrs) && !/type="application\/json"/.test(attrs),
    );
    expect(inline).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('answers API errors as JSON, never as HTML a browser would render', async () => {
    for (const path of [
      '/api/catalog/no-such-route',
      '/api/catalog/entities',
      '/api/catalog/entities?limit=-1',
    ]) {
      const reply = await target.call(
        'GET',
        `${path}${path.includes('?') ? '&' : '?'}x=<script>alert(1)</script>`,
        {
          token: path.endsWith('entities') ? undefined : token,
        },
      );
      expect(reply.headers['content-type'], path).toMatch(/^application\/json/);
    }
  });
});
