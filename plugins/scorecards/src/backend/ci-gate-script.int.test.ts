import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CI_TOKEN,
  componentYaml,
  eventually,
  type ScorecardsBackend,
  startScorecardsBackend,
} from './__fixtures__/scorecards-backend.js';

const script = resolve(fileURLToPath(import.meta.url), '../../../../../examples/scorecards/ci-gate.sh');

/** Runs the example CI script as a pipeline would: sh, curl, the static token in the environment. */
function runGate(backend: ScorecardsBackend, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      'sh',
      [script, ...args],
      { env: { PATH: process.env.PATH ?? '', ATRIUM_URL: backend.url, ATRIUM_TOKEN: CI_TOKEN, ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

const tree = {
  // Silver (owner, production, README, Node 20) until CI reports coverage of at least 80.
  'shop/catalog-info.yaml': componentYaml('shop'),
  'shop/README.md': '# Shop\n',
  'shop/package.json': JSON.stringify({ name: 'shop', engines: { node: '>=20' } }),
};

describe.each(testDatabaseKinds())('examples/scorecards/ci-gate.sh on %s', (kind) => {
  let database: TestDatabase;
  let backend: ScorecardsBackend;
  const shop = 'component:default/shop';

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    backend = await startScorecardsBackend({ tree, components: ['shop'], database: database.config });
    await eventually(async () => {
      const { body } = await backend.call('GET', `/certifications?entityRef=${shop}&trackId=basic-health`);
      return body?.certifications?.[0]?.highestLevel?.ordinal === 2 ? true : undefined;
    }, 'shop certified at level 2');
  }, 120_000);
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
  });

  it('exits 1 with the reason when the pushed fact leaves the level unmet, 0 once it is met', async () => {
    const low = await runGate(backend, [shop, 'ci:default/coverage', '{"percent":42}', 'basic-health', '3']);
    expect(low.code).toBe(1);
    expect(low.stderr).toContain('reached level 2, needs 3');
    const high = await runGate(backend, [shop, 'ci:default/coverage', '{"percent":91}', 'basic-health', '3']);
    expect(high.stderr).toBe('');
    expect(high.code).toBe(0);
    expect(high.stdout).toContain('"levelOrdinal":3');
    const check = await runGate(backend, [shop, 'ci:default/coverage', '{"percent":12}', 'basic-health'], {
      GATE_CHECK: 'coverage',
    });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('state is failed');
  });

  it('exits 2 naming the problem when the fact is refused or the token is wrong', async () => {
    const wrongSchema = await runGate(backend, [
      shop,
      'ci:default/coverage',
      '{"percent":"high"}',
      'basic-health',
    ]);
    expect(wrongSchema.code).toBe(2);
    expect(wrongSchema.stderr).toContain('answered 400');
    const unknown = await runGate(backend, [
      'component:default/nope',
      'ci:default/coverage',
      '{"percent":90}',
      'basic-health',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('component:default/nope');
    const badToken = await runGate(backend, [shop, 'ci:default/coverage', '{"percent":90}', 'basic-health'], {
      ATRIUM_TOKEN: 'not-a-token',
    });
    expect(badToken.code).toBe(2);
    expect(badToken.stderr).toContain('answered 401');
  });
});
