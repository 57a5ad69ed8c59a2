/** JSON text sent verbatim: for values `JSON.stringify` cannot encode (nested 10,000 deep). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may contain {@link RawJson} parts. */
export function encodeJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(encodeJson).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${encodeJson(item)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Strings no route should answer with a 5xx: for path and query parameters and string fields. */
export const HOSTILE_STRINGS: readonly string[] = [
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

/** JSON values no route should answer with a 5xx, as whole bodies or as any field. */
export const HOSTILE_VALUES: readonly unknown[] = [
  ...HOSTILE_STRINGS,
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
  new RawJson(`${'{"$not":'.repeat(10_000)}{}${'}'.repeat(10_000)}`),
  new RawJson(`${'['.repeat(10_000)}${']'.repeat(10_000)}`),
];

/** One request of a walk: method, path with query, and the JSON body text. */
export interface HostileProbe {
  method: string;
  path: string;
  body?: string;
}

// A lone surrogate cannot be percent-encoded as UTF-8: send the bytes a careless encoder would.
const segment = (value: string) => (value === '\ud800' ? '%ED%A0%80' : encodeURIComponent(value));

/** The keys of a zod object schema (through optional/default wrappers); none for others. */
function keysOf(schema: unknown): string[] {
  let current = schema as { shape?: object; unwrap?: () => unknown } | undefined;
  while (current && !current.shape && typeof current.unwrap === 'function')
    current = current.unwrap() as typeof current;
  return current?.shape ? Object.keys(current.shape) : [];
}

/**
 * The requests of a walk over one route of an HTTP API definition: each hostile string in
 * each path parameter and (once and repeated) in each query parameter; each hostile value
 * as the whole body and in each body field. Path parameters not being probed take
 * `params[name]` (or `x`).
 *
 * @example
 * for (const route of Object.values(catalogApi.routes)) for (const probe of hostileProbes(route, { kind: 'component' })) ...
 */
export function hostileProbes(
  route: { method: string; path: string; query?: unknown; body?: unknown },
  params: Record<string, string> = {},
): HostileProbe[] {
  const { method } = route;
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
  const pathWith = (override: Record<string, string> = {}) =>
    route.path.replace(/:(\w+)/g, (_, name: string) => segment(override[name] ?? params[name] ?? 'x'));
  const probes: HostileProbe[] = [];
  const emptyBody = route.body === undefined ? undefined : '{}';
  for (const name of names)
    for (const value of HOSTILE_STRINGS)
      probes.push({ method, path: pathWith({ [name]: value }), body: emptyBody });
  for (const key of keysOf(route.query))
    for (const value of HOSTILE_STRINGS) {
      // Long enough to reach the handler, short enough for the URL limit.
      const one = new URLSearchParams({ [key]: value.slice(0, 2000) });
      probes.push({ method, path: `${pathWith()}?${one}`, body: emptyBody });
      probes.push({ method, path: `${pathWith()}?${one}&${one}`, body: emptyBody });
    }
  if (route.body === undefined) return probes;
  for (const value of HOSTILE_VALUES) probes.push({ method, path: pathWith(), body: encodeJson(value) });
  for (const key of keysOf(route.body))
    for (const value of HOSTILE_VALUES)
      probes.push({ method, path: pathWith(), body: encodeJson({ [key]: value }) });
  return probes;
}
