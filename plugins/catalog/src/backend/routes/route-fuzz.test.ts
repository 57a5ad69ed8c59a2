import { fileURLToPath } from 'node:url';
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogApi } from '../../common/catalog-api.js';
import { ALL_KINDS, startCatalog, type TestCatalog } from '../__fixtures__/start-catalog.js';

// Used in place (never written to): the directory of a config location, so it is readable.
const OWNED = fileURLToPath(new URL('../__fixtures__/owned', import.meta.url));

/** JSON text given verbatim (a value JSON.stringify cannot encode, e.g. nested 10,000 deep). */
class RawJson {
  constructor(readonly text: string) {}
}
const encode = (value: unknown): string => {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${encode(item)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
};
const b64 = (text: string) => Buffer.from(text).toString('base64');

// A fixed table of hostile values: every route gets each in each parameter and field.
const STRINGS = [
  'a\u0000b',
  '\ud800',
  'x'.repeat(100_000),
  '',
  '-1',
  '-1e308',
  '1e308',
  'NaN',
  '%',
  '../../etc/passwd',
  '!!!not-base64',
  b64('{"orderFields":5,"isPrevious":"no"}'),
  b64('{"orderFields":[],"isPrevious":false,"orderFieldValues":[-1e308]}'),
  b64('null'),
];
const DEEP = new RawJson(`${'{"$not":'.repeat(10_000)}{}${'}'.repeat(10_000)}`);
const DEEP_ARRAY = new RawJson(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
const VALUES: unknown[] = [
  ...STRINGS,
  -1,
  -1e308,
  1e308,
  1.5,
  0,
  null,
  true,
  [],
  ['a', 5, null],
  {},
  { unknownField: 1 },
  { $not: { $all: 5 } },
  DEEP,
  DEEP_ARRAY,
];
const PARAMS: Record<string, string> = {
  kind: 'component',
  namespace: 'default',
  name: 'a-service',
  uid: 'x',
  id: 'x',
};

// A lone surrogate cannot be percent-encoded as UTF-8: send the bytes a careless encoder would.
const segment = (value: string) => (value === '\ud800' ? '%ED%A0%80' : encodeURIComponent(value));

function keysOf(schema: unknown): string[] {
  let current = schema as { shape?: object; unwrap?: () => unknown } | undefined;
  while (current && !current.shape && typeof current.unwrap === 'function')
    current = current.unwrap() as typeof current;
  return current?.shape ? Object.keys(current.shape) : [];
}

interface Probe {
  method: string;
  path: string;
  body?: string;
}

function probesOf(route: { method: string; path: string; query?: unknown; body?: unknown }): Probe[] {
  const { method } = route;
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
  const pathWith = (override: Record<string, string> = {}) =>
    route.path.replace(/:(\w+)/g, (_, name: string) => segment(override[name] ?? PARAMS[name] ?? 'x'));
  const probes: Probe[] = [];
  const hasBody = route.body !== undefined;
  const emptyBody = hasBody ? '{}' : undefined;
  for (const name of names)
    for (const value of STRINGS) probes.push({ method, path: pathWith({ [name]: value }), body: emptyBody });
  for (const key of keysOf(route.query))
    for (const value of STRINGS) {
      const one = new URLSearchParams({ [key]: value.slice(0, 2000) });
      probes.push({ method, path: `${pathWith()}?${one}`, body: emptyBody });
      probes.push({ method, path: `${pathWith()}?${one}&${one}`, body: emptyBody });
    }
  if (!hasBody) return probes;
  for (const value of VALUES) probes.push({ method, path: pathWith(), body: encode(value) });
  for (const key of keysOf(route.body))
    for (const value of VALUES) probes.push({ method, path: pathWith(), body: encode({ [key]: value }) });
  return probes;
}

describe.each(testDatabaseKinds())('every catalog route with hostile input, on %s', (database) => {
  let catalog: TestCatalog;
  beforeAll(async () => {
    catalog = await startCatalog({
      database,
      catalog: {
        locations: [{ type: 'file', target: `${OWNED}/catalog-info.yaml` }],
        allowedFileRoots: [OWNED],
        rules: [{ allow: ALL_KINDS }],
      },
    });
    await catalog.waitFor(
      async () => (await catalog.get('/entities/by-query?limit=0')).body.totalItems === 8,
    );
  });
  afterAll(() => catalog.stop());

  it('never answers 5xx', async () => {
    const failures: string[] = [];
    let count = 0;
    for (const route of Object.values(catalogApi.routes)) {
      for (const probe of probesOf(route)) {
        count++;
        const response = await catalog.backend.fetch(`/api/catalog${probe.path}`, {
          method: probe.method,
          token: catalog.token,
          headers: probe.body === undefined ? undefined : { 'content-type': 'application/json' },
          body: probe.body,
        });
        const text = await response.text();
        if (response.status >= 500)
          failures.push(
            `${probe.method} ${probe.path.slice(0, 120)} ${probe.body?.slice(0, 120) ?? ''} -> ${response.status} ${text.slice(0, 200)}`,
          );
      }
    }
    expect(count).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    // The catalog still serves after all of it.
    expect((await catalog.get('/entities/by-name/component/default/a-service')).status).toBe(200);
  }, 300_000);
});
