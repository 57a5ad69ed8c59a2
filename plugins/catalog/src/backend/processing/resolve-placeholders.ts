import type { Entity } from '@atrium/catalog-model';
import { InputError } from '@atrium/errors';
import type { UrlReaderService } from '@atrium/kernel';
import yaml from 'js-yaml';
import type { LocationSpec } from '../extensions/catalog-processor.js';
import { readerUrlOf, resolvePlaceholderTarget } from './resolve-target.js';

type Json = unknown;
const PLACEHOLDERS = ['$text', '$json', '$yaml'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

interface Context {
  location: LocationSpec | undefined;
  urlReader: UrlReaderService;
  onRefreshKey(key: string): void;
}

function asPlaceholder(value: Json): { kind: Placeholder; target: string } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const kind = keys[0] as Placeholder;
  const target = (value as Record<string, unknown>)[kind];
  if (!PLACEHOLDERS.includes(kind) || typeof target !== 'string') return undefined;
  return { kind, target };
}

async function readPlaceholder(
  kind: Placeholder,
  target: string,
  path: string,
  context: Context,
): Promise<Json> {
  const { location } = context;
  if (!location) {
    throw new InputError(`placeholder ${kind} at ${path} needs the entity's location to resolve '${target}'`);
  }
  let resolved: LocationSpec;
  try {
    resolved = resolvePlaceholderTarget(context.urlReader, location, target);
  } catch (error) {
    throw new InputError(
      `placeholder ${kind} at ${path} cannot read '${target}': ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  context.onRefreshKey(`${resolved.type}:${resolved.target}`);
  let text: string;
  try {
    text = (await (await context.urlReader.readUrl(readerUrlOf(resolved))).buffer()).toString('utf8');
  } catch (error) {
    throw new InputError(
      `placeholder ${kind} at ${path} could not read ${resolved.type}:${resolved.target}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (kind === '$text') return text;
  try {
    return kind === '$json' ? JSON.parse(text) : yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    throw new InputError(
      `placeholder ${kind} at ${path}: ${resolved.target} is not valid ${kind === '$json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
    );
  }
}

async function walk(value: Json, path: string, context: Context): Promise<Json> {
  const placeholder = asPlaceholder(value);
  if (placeholder) return readPlaceholder(placeholder.kind, placeholder.target, path, context);
  if (Array.isArray(value)) {
    let changed = false;
    const out = await Promise.all(
      value.map(async (item, index) => {
        const next = await walk(item, `${path}[${index}]`, context);
        changed ||= next !== item;
        return next;
      }),
    );
    return changed ? out : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  let out: Record<string, Json> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const next = await walk(item, path ? `${path}.${key}` : key, context);
    if (next !== item) {
      out ??= { ...(value as Record<string, Json>) };
      out[key] = next;
    }
  }
  return out ?? value;
}

/**
 * Replaces `$text`, `$json` and `$yaml` placeholders (an object with exactly that one
 * key) with the content they point at, read through `urlReader` relative to the entity's
 * location, with its type and never out of its base (a placeholder in a `url` location
 * never reads a file); each file read becomes a refresh key. Returns the same object when there is
 * nothing to resolve.
 *
 * @example
 * // spec: { definition: { $text: ./openapi.yaml } } -> spec: { definition: '<file content>' }
 * const resolved = await resolvePlaceholders(entity, { location, urlReader, onRefreshKey: keys.add });
 */
export async function resolvePlaceholders(entity: Entity, context: Context): Promise<Entity> {
  return (await walk(entity, '', context)) as Entity;
}
