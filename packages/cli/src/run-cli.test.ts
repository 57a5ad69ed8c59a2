import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { runCli } from './run-cli.js';

const repoRoot = resolve(import.meta.dirname, '../../..');

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { cwd, out: (t) => void out.push(t), err: (t) => void err.push(t) };
  return { io: value, out, err };
}

function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-cli-'));
  writeFileSync(join(dir, 'app-config.yaml'), config);
  return dir;
}

const validConfig = `backend:
  database: { client: better-sqlite3, connection: { directory: ./data } }
  features: ['@atrium/auth/backend']
auth:
  providers:
    guest: {}
`;

describe('atrium', () => {
  it('prints usage for unknown commands and bad flags', async () => {
    const run = io(tmpdir());
    expect(await runCli(['frobnicate'], run.io)).toBe(2);
    expect(run.err.join('\n')).toContain("unknown command 'frobnicate'");
    expect(await runCli(['inspect', '--nope'], run.io)).toBe(2);
    const bare = io(tmpdir());
    expect(await runCli([], bare.io)).toBe(2);
    expect(bare.err.join('\n')).toContain('Usage: atrium <command>');
  });

  it('prints usage and exits 0 for --help and -h, of the CLI and of each command', async () => {
    for (const flag of ['--help', '-h']) {
      const run = io(tmpdir());
      expect(await runCli([flag], run.io)).toBe(0);
      expect(run.out.join('\n')).toContain('Usage: atrium <command> [options]');
      expect(run.out.join('\n')).toContain('config check [--config <file>]...');
      expect(run.err).toEqual([]);
    }
    for (const command of [
      ['start'],
      ['config', 'check'],
      ['db', 'migrate'],
      ['new', 'plugin'],
      ['inspect'],
    ]) {
      const run = io(tmpdir());
      expect(await runCli([...command, '--help'], run.io)).toBe(0);
      expect(run.out.join('\n')).toMatch(new RegExp(`^Usage: atrium ${command.join(' ')} `));
    }
    // Help does not run the command: `new plugin -h` creates nothing and complains of no id.
    const help = io(tmpdir());
    expect(await runCli(['new', 'plugin', '-h'], help.io)).toBe(0);
    expect(help.err).toEqual([]);
  });

  it('prints the Atrium version for --version and -v', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) {
      const run = io(tmpdir());
      expect(await runCli([flag], run.io)).toBe(0);
      expect(run.out).toEqual([`atrium ${version}`]);
    }
  });

  it('config check passes valid config and names each invalid key', async () => {
    const ok = io(project(validConfig));
    expect(await runCli(['config', 'check'], ok.io)).toBe(0);
    expect(ok.out.join('\n')).toContain('config is valid for 1 plugin(s)');
    const bad = io(project(`${validConfig}  session: { expiresInSeconds: 0 }\n`));
    expect(await runCli(['config', 'check'], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toContain("config 'auth.session.expiresInSeconds' (plugin 'auth')");
  });

  it('config check refuses what start refuses, with the same messages', async () => {
    const bad = validConfig
      .replace(
        "features: ['@atrium/auth/backend']",
        "features: ['@atrium/auth/backend', '@atrium/scaffolder/backend']",
      )
      .replace('backend:\n', 'backend:\n  listen: { port: abc }\n');
    const config = `${bad}scaffolder:\n  taskTimeout: forever\n`;
    const expected = [
      `config 'backend.listen.port' (the kernel): expected a number, got "abc"`,
      `config 'scaffolder.taskTimeout' (plugin 'scaffolder'): expected an ISO 8601 duration such as 'PT5M' or 'P1D', or units such as { minutes: 5 }, got "forever"`,
    ];
    const check = io(project(config));
    expect(await runCli(['config', 'check'], check.io)).toBe(1);
    const start = io(project(config));
    expect(await runCli(['start'], start.io)).toBe(1);
    for (const line of expected) {
      expect(check.err.join('\n')).toContain(line);
      expect(start.err.join('\n')).toContain(line);
    }
  });

  it('fails clearly when a listed feature cannot be loaded', async () => {
    const run = io(project("backend:\n  features: ['@atrium/no-such-plugin/backend']\n"));
    expect(await runCli(['config', 'check'], run.io)).toBe(1);
    expect(run.err.join('\n')).toContain(
      "could not load feature '@atrium/no-such-plugin/backend' listed in backend.features",
    );
  });

  it('inspect lists config keys, routes and extension points from the manifests', async () => {
    const run = io(project(validConfig));
    expect(await runCli(['inspect', '--json'], run.io)).toBe(0);
    const { plugins, errorCodes } = JSON.parse(run.out.join('\n')) as {
      plugins: Array<{
        id: string;
        configKeys: string[];
        routes: Array<{ path: string }>;
        extensionPoints: string[];
      }>;
      errorCodes: Array<{ code: string; description: string }>;
    };
    const auth = plugins.find((p) => p.id === 'auth');
    expect(errorCodes.map((e) => e.code)).toEqual(
      expect.arrayContaining(['NOT_FOUND', 'KERNEL_DUPLICATE_PLUGIN']),
    );
    expect(errorCodes.find((e) => e.code === 'KERNEL_INVALID_PLUGIN_ID')?.description).toContain(
      'kebab-case',
    );
    expect(auth?.extensionPoints).toEqual(['auth.providers']);
    expect(auth?.configKeys).toContain('auth.session.expiresInSeconds (integer)');
    expect(auth?.routes.map((r) => r.path)).toContain('/api/auth/:provider/refresh');
  });

  it('inspect lists the readable file roots each plugin declares from config', async () => {
    const dir = project(
      [
        'backend:',
        "  features: ['@atrium/catalog/backend']",
        'catalog:',
        '  allowedFileRoots: [/srv/repositories]',
        '  locations:',
        '    - { type: file, target: /srv/examples/catalog/all.yaml }',
        '    - { type: url, target: https://example.com/catalog-info.yaml }',
        '',
      ].join('\n'),
    );
    const run = io(dir);
    expect(await runCli(['inspect', '--json'], run.io)).toBe(0);
    const { plugins } = JSON.parse(run.out.join('\n')) as {
      plugins: Array<{ id: string; fileRoots: Array<{ setting: string; paths: string[] }> }>;
    };
    expect(plugins.find((p) => p.id === 'catalog')?.fileRoots).toEqual([
      { setting: 'catalog.allowedFileRoots', paths: ['/srv/repositories'] },
      { setting: 'directories of catalog.locations', paths: ['/srv/examples/catalog'] },
    ]);
    const text = io(dir);
    await runCli(['inspect'], text.io);
    expect(text.out.join('\n')).toContain(
      'readable file roots:\n    - catalog.allowedFileRoots: /srv/repositories',
    );
    // The catalog's manifest lists its error codes (its own and the kind registry's).
    expect(text.out.join('\n')).toMatch(
      /error codes:\n(.*\n)* {4}- CATALOG_UNKNOWN_PERMISSION_RULE: A conditional/,
    );
    expect(text.out.join('\n')).toContain('    - CATALOG_MODEL_DUPLICATE_KIND: ');
  });

  it('db migrate applies pending migrations once', async () => {
    const dir = project(validConfig);
    // An absolute data directory: the tests may run in worker threads, which cannot chdir.
    writeFileSync(join(dir, 'app-config.yaml'), validConfig.replace('./data', join(dir, 'data')));
    const first = io(dir);
    expect(await runCli(['db', 'migrate'], first.io)).toBe(0);
    expect(first.out).toContain(
      'kernel: applied 0001_auth_keys_and_scheduler, 0002_auth_sessions, 0003_event_payloads, 0004_scheduler_attempts',
    );
    expect(existsSync(join(dir, 'data'))).toBe(true);
    const second = io(dir);
    expect(await runCli(['db', 'migrate'], second.io)).toBe(0);
    expect(second.out).toContain('kernel: up to date');
  });
});

describe('atrium new plugin', () => {
  it('refuses invalid ids and existing folders', async () => {
    const run = io(repoRoot);
    expect(await runCli(['new', 'plugin', 'Bad_Id'], run.io)).toBe(1);
    expect(run.err.join('\n')).toContain("'Bad_Id' is not a valid plugin id");
    expect(await runCli(['new', 'plugin', 'auth'], run.io)).toBe(1);
    expect(run.err.join('\n')).toContain("'plugins/auth' already exists");
  });
});
