import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AtriumError } from '@atrium/errors';
import { parse } from 'yaml';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { JsonValue } from './config-reader.js';

/** Where the value being resolved sits, for error messages and secret tracking. */
export interface ResolveContext {
  file: string;
  env: Record<string, string | undefined>;
  /** Dotted paths whose value came from the environment or a file: treated as secrets. */
  substituted: Set<string>;
  /** Files read through `$file` and `$include`: config sources too (never readable by urlReader). */
  included?: Set<string>;
}

const DIRECTIVES = new Set(['$env', '$file', '$include']);

function fail(ctx: ResolveContext, path: string, reason: string): never {
  throw new AtriumError(
    kernelErrorCodes.CONFIG_LOAD_FAILED,
    `config '${path || '<root>'}' in ${ctx.file}: ${reason}`,
    {
      details: { file: ctx.file, path },
    },
  );
}

function substitute(text: string, path: string, ctx: ResolveContext): string | undefined {
  let missing = false;
  const out = text.replace(/\$(\$)?\{([^}]*)\}/g, (whole, escaped: string | undefined, name: string) => {
    if (escaped) return whole.slice(1);
    const value = ctx.env[name.trim()];
    if (value === undefined) missing = true;
    ctx.substituted.add(path);
    return value ?? '';
  });
  // Backstage's rule: a reference to an unset variable makes the whole value undefined.
  return missing ? undefined : out;
}

function readRelative(ctx: ResolveContext, path: string, target: unknown, directive: string): string {
  if (typeof target !== 'string' || target === '') fail(ctx, path, `${directive} needs a file path string`);
  const file = resolve(dirname(ctx.file), target);
  ctx.included?.add(file);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    fail(ctx, path, `${directive} could not read '${file}': ${(error as Error).message}`);
  }
}

function include(ctx: ResolveContext, path: string, target: unknown): JsonValue | undefined {
  const [file = '', fragment] = String(target).split('#');
  const text = readRelative(ctx, path, file, '$include');
  const includedFile = resolve(dirname(ctx.file), file);
  let value: JsonValue;
  try {
    value = parse(text) as JsonValue;
  } catch (error) {
    fail(ctx, path, `$include '${file}' is not valid YAML or JSON: ${(error as Error).message}`);
  }
  if (fragment) {
    for (const part of fragment.split('.')) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !(part in value)) {
        fail(ctx, path, `$include '${target}': fragment '${fragment}' not found`);
      }
      value = value[part] as JsonValue;
    }
  }
  return resolveDirectives(value, path, { ...ctx, file: includedFile });
}

/**
 * Applies `$env`, `$file`, `$include` and `${VAR}` substitution to one parsed config file.
 * Returns undefined for values that resolve to nothing (an unset variable).
 */
export function resolveDirectives(
  value: JsonValue,
  path: string,
  ctx: ResolveContext,
): JsonValue | undefined {
  if (typeof value === 'string') return substitute(value, path, ctx);
  if (Array.isArray(value)) {
    return value
      .map((item, index) => resolveDirectives(item, `${path}[${index}]`, ctx))
      .filter((item): item is JsonValue => item !== undefined);
  }
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const directive = keys.find((key) => DIRECTIVES.has(key));
  if (directive) {
    if (keys.length !== 1)
      fail(ctx, path, `${directive} must be the only key of its object, found ${keys.join(', ')}`);
    const target = value[directive];
    if (directive === '$env') {
      if (typeof target !== 'string') fail(ctx, path, '$env needs a variable name');
      ctx.substituted.add(path);
      return ctx.env[target];
    }
    if (directive === '$file') {
      ctx.substituted.add(path);
      return readRelative(ctx, path, target, '$file');
    }
    return include(ctx, path, target);
  }
  const out: Record<string, JsonValue> = {};
  for (const key of keys) {
    const resolved = resolveDirectives(value[key] as JsonValue, path ? `${path}.${key}` : key, ctx);
    if (resolved !== undefined) out[key] = resolved;
  }
  return out;
}
