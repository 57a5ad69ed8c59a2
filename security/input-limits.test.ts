// Class 8: /metrics is not for anyone, and input the server cannot handle is refused as
// the caller's fault (400 naming the limit), never a 500: deep predicates, tens of
// thousands of filter values, NUL in names, absurd numbers in a cursor, deep JSON.
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/support/free-port.js';
import { type AttackTarget, startAttackTarget } from './support/attack-target.js';
import { createAttempts } from './support/expect-refused.js';

const metricsToken = `metrics-${Date.now()}-scraper-token`;

/** `{"$not":{"$not":...leaf...}}` as JSON text (built as text: stringifying it would exhaust the test's own stack). */
function nested(depth: number, leaf: unknown, key = '$not'): string {
  return `${`{${JSON.stringify(key)}:`.repeat(depth)}${JSON.stringify(leaf)}${'}'.repeat(depth)}`;
}

const cursor = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64');
const orderByName = { orderFields: [{ field: 'metadata.name', order: 'asc' }], isPrevious: false };

describe.each(testDatabaseKinds())('metrics and input limits on %s', (kind) => {
  let target: AttackTarget;
  let token: string;
  let metricsPort: number;

  beforeAll(async () => {
    metricsPort = await freePort();
    target = await startAttackTarget(kind, {
      config: {
        backend: {
          auth: {
            externalAccess: [{ type: 'static', options: { token: metricsToken, subject: 'prometheus' } }],
          },
          metrics: { listen: { host: '127.0.0.1', port: metricsPort } },
        },
      },
    });
    token = await target.signInAsGuest();
  });
  afterAll(() => target?.stop());

  it('serves /metrics on the main listener only to a service or external token', async () => {
    const anonymous = await target.call('GET', '/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).not.toContain('# HELP');
    const user = await target.call('GET', '/metrics', { token });
    expect([401, 403]).toContain(user.status);
    expect(user.text).not.toContain('# HELP');
    const scraper = await target.call('GET', '/metrics', { token: metricsToken });
    expect(scraper.status).toBe(200);
    expect(scraper.text).toContain('# HELP');
  });

  it('serves /metrics without a token on its own listener when configured', async () => {
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('# HELP');
  });

  it('answers malformed input with 400, never a 5xx', async () => {
    const attempts = createAttempts(target.secrets);
    const many = Array.from({ length: 40_000 }, (_, i) => `name-${i}`);
    const nul = 'a\u0000b';
    const requests: Array<[string, string, string, unknown?]> = [
      [
        'a $not 10,000 deep',
        'POST',
        '/api/catalog/entities/by-query',
        `{"query":${nested(10_000, { kind: 'component' })}}`,
      ],
      [
        'an $all 10,000 deep',
        'POST',
        '/api/catalog/entities/by-query',
        `{"query":${nested(10_000, { kind: 'x' }, '$all')}}`,
      ],
      [
        'a deep $not in facets',
        'POST',
        '/api/catalog/entity-facets',
        `{"facets":["kind"],"query":${nested(10_000, {})}}`,
      ],
      [
        '40,000 $in values',
        'POST',
        '/api/catalog/entities/by-query',
        { query: { 'metadata.name': { $in: many } } },
      ],
      [
        '40,000 facet filter values',
        'POST',
        '/api/catalog/entity-facets',
        { facets: ['kind'], query: { 'metadata.name': { $in: many } } },
      ],
      [
        '40,000 $any branches',
        'POST',
        '/api/catalog/entities/by-query',
        { query: { $any: many.map((n) => ({ 'metadata.name': n })) } },
      ],
      ['NUL in a name', 'GET', `/api/catalog/entities/by-name/component/default/${encodeURIComponent(nul)}`],
      [
        'NUL in a filter',
        'GET',
        `/api/catalog/entities?filter=${encodeURIComponent(`metadata.name=${nul}`)}`,
      ],
      [
        'NUL in a by-query filter',
        'GET',
        `/api/catalog/entities/by-query?filter=${encodeURIComponent(`kind=${nul}`)}`,
      ],
      [
        'NUL in a full-text term',
        'GET',
        `/api/catalog/entities/by-query?fullTextFilterTerm=${encodeURIComponent(nul)}`,
      ],
      ['NUL in a predicate', 'POST', '/api/catalog/entities/by-query', { query: { 'metadata.name': nul } }],
      ['NUL in a uid', 'GET', `/api/catalog/entities/by-uid/${encodeURIComponent(nul)}`],
      ['NUL in a facet', 'GET', `/api/catalog/entity-facets?facet=${encodeURIComponent(nul)}`],
      ['NUL in a location id', 'GET', `/api/catalog/locations/${encodeURIComponent(nul)}`],
      ['NUL in a task id', 'GET', `/api/scaffolder/v2/tasks/${encodeURIComponent(nul)}`],
      [
        '-1e308 in a cursor',
        'GET',
        `/api/catalog/entities/by-query?cursor=${cursor({ ...orderByName, orderFieldValues: [-1e308, null] })}`,
      ],
      [
        '1e308 in a cursor',
        'GET',
        `/api/catalog/entities/by-query?cursor=${cursor({ ...orderByName, orderFieldValues: [1e308, null] })}`,
      ],
      [
        '-1e308 as a first value',
        'GET',
        `/api/catalog/entities/by-query?cursor=${cursor({ ...orderByName, firstSortFieldValues: [-1e308, null], orderFieldValues: ['a', null] })}`,
      ],
      [
        '-1e308 as a total',
        'GET',
        `/api/catalog/entities/by-query?cursor=${cursor({ ...orderByName, totalItems: -1e308 })}`,
      ],
      ['a cursor that is not base64 JSON', 'GET', '/api/catalog/entities/by-query?cursor=%%%'],
      ['an offset of 1e308', 'GET', '/api/catalog/entities?offset=1e308&limit=1'],
      ['a limit of 1e308', 'GET', '/api/catalog/entities/by-query?limit=1e308'],
      ['an unknown order field', 'GET', '/api/catalog/entities/by-query?orderField=metadata.name,sideways'],
      [
        'deeply nested JSON to validate',
        'POST',
        '/api/catalog/validate-entity',
        `{"location":"url:https://example.com/x.yaml","entity":{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"deep"},"spec":${nested(10_000, 1, 'x')}}}`,
      ],
      ['a body that is not JSON', 'POST', '/api/catalog/entities/by-query', '{"query":'],
    ];
    for (const [what, method, path, body] of requests) {
      const reply = await target.call(method, path, { token, body });
      attempts.check(reply.status === 400, `${what}: answered ${reply.status} ${reply.text.slice(0, 160)}`);
    }
    attempts.assertAllRefused();
  });

  it('answers lookups by odd names without a 5xx (a NUL name simply does not exist)', async () => {
    const attempts = createAttempts(target.secrets);
    const nul = 'a\u0000b';
    const lookups: Array<[string, string, string, unknown]> = [
      [
        'by-refs with NUL',
        'POST',
        '/api/catalog/entities/by-refs',
        { entityRefs: [`component:default/${nul}`] },
      ],
      [
        'by-refs with 40,000 refs',
        'POST',
        '/api/catalog/entities/by-refs',
        { entityRefs: Array.from({ length: 40_000 }, (_, i) => `component:default/n-${i}`) },
      ],
      ['refresh with NUL', 'POST', '/api/catalog/refresh', { entityRef: `component:default/${nul}` }],
      [
        'a location with NUL',
        'POST',
        '/api/catalog/locations',
        { type: 'url', target: `https://example.com/${nul}.yaml` },
      ],
      [
        'a task from a template named with NUL',
        'POST',
        '/api/scaffolder/v2/tasks',
        { templateRef: `template:default/${nul}`, values: {} },
      ],
    ];
    for (const [what, method, path, body] of lookups) {
      const reply = await target.call(method, path, { token, body });
      attempts.check(reply.status < 500, `${what}: answered ${reply.status} ${reply.text.slice(0, 160)}`);
    }
    attempts.assertAllRefused();
  });
});
