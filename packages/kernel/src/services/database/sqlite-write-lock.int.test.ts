import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const PROCESSES = 3;
const ROUNDS = 3;
const run = promisify(execFile);
let child: string;

// The child runs the workspace's TypeScript sources, bundled once inside the repository so
// that third-party packages (left external) load from node_modules.
beforeAll(async () => {
  child = fileURLToPath(
    new URL('../../../../../node_modules/.cache/atrium-kernel-tests/migrate-child.mjs', import.meta.url),
  );
  await build({
    entryPoints: [fileURLToPath(new URL('./__fixtures__/migrate-child.ts', import.meta.url))],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    conditions: ['development'],
    logLevel: 'error',
    plugins: [
      {
        name: 'third-party-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@atrium/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
}, 60_000);

describe('processes migrating one SQLite file at the same instant', () => {
  it('all succeed and apply each migration once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const directory = mkdtempSync(join(tmpdir(), 'atrium-sqlite-race-'));
      const log = join(directory, 'ran.log');
      const outputs = await Promise.all(
        Array.from({ length: PROCESSES }, () => run(process.execPath, [child, directory, log])),
      );
      const applied = outputs.flatMap(({ stdout }) => JSON.parse(stdout) as string[]);
      expect(applied.sort()).toEqual(['0001_notes', '0002_notes_author']);
      expect(readFileSync(log, 'utf8').trim().split('\n').sort()).toEqual([
        '0001_notes',
        '0002_notes_author',
      ]);
      const db = new Database(join(directory, 'notes.sqlite'), { readonly: true });
      try {
        const names = db.prepare('SELECT name FROM atrium_migrations ORDER BY name').all() as {
          name: string;
        }[];
        expect(names.map((r) => r.name)).toEqual(['0001_notes', '0002_notes_author']);
      } finally {
        db.close();
      }
    }
  }, 120_000);
});
