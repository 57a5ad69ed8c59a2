import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtriumError } from '@atrium/errors';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from './load-config.js';
import { selectConfigByVisibility, validateConfigSubtree } from './validate-config.js';

function dir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'atrium-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

describe('loadConfig', () => {
  it('layers app-config.yaml, then app-config.local.yaml: objects merge, scalars and arrays replace', () => {
    const rootDir = dir({
      'app-config.yaml':
        'app:\n  title: Portal\n  tags: [a, b]\nbackend:\n  listen: { port: 7007, host: 127.0.0.1 }\n',
      'app-config.local.yaml': 'app:\n  tags: [c]\nbackend:\n  listen: { port: 8008 }\n',
    });
    const { data } = loadConfig({ rootDir, env: {} });
    expect(data).toEqual({
      app: { title: 'Portal', tags: ['c'] },
      backend: { listen: { port: 8008, host: '127.0.0.1' } },
    });
  });

  it('reads only the --config files when given, in order', () => {
    const rootDir = dir({ 'app-config.yaml': 'a: 1\n', 'one.yaml': 'a: 2\nb: 1\n', 'two.yaml': 'b: 3\n' });
    expect(loadConfig({ rootDir, configPaths: ['one.yaml', 'two.yaml'], env: {} }).data).toEqual({
      a: 2,
      b: 3,
    });
    expect(() => loadConfig({ rootDir, configPaths: ['missing.yaml'], env: {} })).toThrowError(
      /does not exist \(given with --config\)/,
    );
  });

  it('substitutes ${VAR}, keeps $${ escapes, and drops values whose variable is unset', () => {
    const rootDir = dir({
      'app-config.yaml': 'url: https://${HOST}/x\nliteral: $${NOT_A_VAR}\ngone: ${UNSET_VAR}\n',
    });
    const { data, secretPaths } = loadConfig({ rootDir, env: { HOST: 'example.com' } });
    expect(data).toEqual({ url: 'https://example.com/x', literal: '${NOT_A_VAR}' });
    expect(secretPaths.has('url')).toBe(true);
  });

  it('resolves $env, $file and $include relative to the config file', () => {
    const rootDir = dir({
      'app-config.yaml':
        'token:\n  $env: TOKEN\ncert:\n  $file: ./cert.pem\nextra:\n  $include: ./extra.yaml#nested.part\n',
      'cert.pem': 'CERT',
      'extra.yaml': 'nested:\n  part:\n    x: ${X}\n',
    });
    const loaded = loadConfig({ rootDir, env: { TOKEN: 's3cret', X: 'y' } });
    expect(loaded.data).toEqual({ token: 's3cret', cert: 'CERT', extra: { x: 'y' } });
    // Files read by $file and $include are config sources too: urlReader never reads them.
    expect(loaded.reader.sources).toEqual(
      ['app-config.yaml', 'cert.pem', 'extra.yaml'].map((file) => join(rootDir, file)),
    );
  });

  it('offers ${ATRIUM_ROOT} as the folder the portal runs from', () => {
    const rootDir = dir({ 'app-config.yaml': 'git: file://${ATRIUM_ROOT}/data/git\n' });
    expect(loadConfig({ rootDir, env: {} }).data).toEqual({ git: `file://${rootDir}/data/git` });
  });

  it('applies APP_CONFIG_ overrides, JSON-parsed when possible', () => {
    const rootDir = dir({ 'app-config.yaml': 'backend:\n  listen: { port: 1 }\n' });
    const { data } = loadConfig({
      rootDir,
      env: { APP_CONFIG_backend_listen_port: '9000', APP_CONFIG_app_title: 'Hi' },
    });
    expect(data).toEqual({ backend: { listen: { port: 9000 } }, app: { title: 'Hi' } });
  });

  it('names the file, line and column of invalid YAML', () => {
    const rootDir = dir({ 'app-config.yaml': 'app:\n  title: ok\n  bad: [unclosed\n' });
    try {
      loadConfig({ rootDir, env: {} });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AtriumError);
      expect((error as AtriumError).code).toBe('CONFIG_LOAD_FAILED');
      expect((error as Error).message).toMatch(/app-config\.yaml:\d+:\d+ is not valid YAML/);
    }
  });

  it('rejects directives mixed with other keys and unreadable files', () => {
    expect(() =>
      loadConfig({ rootDir: dir({ 'app-config.yaml': 'x:\n  $env: A\n  other: 1\n' }), env: {} }),
    ).toThrowError(/config 'x' in .*: \$env must be the only key of its object/);
    expect(() =>
      loadConfig({ rootDir: dir({ 'app-config.yaml': 'x:\n  $file: ./nope.txt\n' }), env: {} }),
    ).toThrowError(/\$file could not read/);
  });
});

describe('validateConfigSubtree', () => {
  const schema = z.object({ port: z.number(), mode: z.enum(['a', 'b']).default('a') });

  it('returns the parsed value with defaults', () => {
    expect(validateConfigSubtree(schema, { svc: { port: 1 } }, 'svc', "plugin 'svc'")).toEqual({
      ok: true,
      value: { port: 1, mode: 'a' },
    });
  });

  it('names the full key path and owner of each problem', () => {
    const result = validateConfigSubtree(schema, { svc: { port: 'x', mode: 'c' } }, 'svc', "plugin 'svc'");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(2);
      expect(result.problems[0]).toMatch(/^config 'svc\.port' \(plugin 'svc'\): /);
      expect(result.problems[1]).toMatch(/^config 'svc\.mode' \(plugin 'svc'\): /);
    }
  });
});

describe('selectConfigByVisibility', () => {
  it('picks only values marked frontend-visible, never secrets', () => {
    const schema = z.object({
      title: z.string().meta({ visibility: 'frontend' }),
      apiKey: z.string().meta({ visibility: 'secret' }),
      nested: z.object({ shown: z.string().meta({ visibility: 'frontend' }), hidden: z.string() }),
    });
    const value = { title: 'Portal', apiKey: 'k', nested: { shown: 'yes', hidden: 'no' } };
    expect(selectConfigByVisibility(schema, value, 'frontend')).toEqual({
      title: 'Portal',
      nested: { shown: 'yes' },
    });
  });
});
