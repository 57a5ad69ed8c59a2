import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BackendProcess, bundleBackend, startBackendProcess } from '../__fixtures__/backend-process.js';
import { generateCatalog } from '../__fixtures__/generated-catalog.js';

const TOKEN = 'crash-test-token-0123456789abcdef0123';
let bundle: string;
beforeAll(async () => {
  bundle = await bundleBackend();
}, 60_000);

async function count(backend: BackendProcess, query = ''): Promise<number> {
  const response = await fetch(
    `http://127.0.0.1:${backend.port}/api/catalog/entities/by-query?limit=0${query}`,
    {
      headers: { authorization: `Bearer ${TOKEN}` },
    },
  );
  return response.ok ? ((await response.json()) as { totalItems: number }).totalItems : -1;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(
        `${what} did not happen within ${timeoutMs} ms; backend output:\n${output().slice(-3000)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(testDatabaseKinds())('crash recovery on %s', (kind) => {
  it('processes every accepted entity after kill -9 in the middle of ingestion', async () => {
    const catalog = generateCatalog(40, 50);
    const work = mkdtempSync(join(tmpdir(), 'atrium-catalog-crash-'));
    const database = await createTestDatabase(kind, { sqliteDirectory: join(work, 'data') });
    const config = join(work, 'app-config.json');
    writeFileSync(
      config,
      JSON.stringify({
        backend: {
          baseUrl: 'http://localhost:7007',
          listen: { host: '127.0.0.1', port: 0 },
          database: database.config,
          auth: { externalAccess: [{ type: 'static', options: { token: TOKEN, subject: 'crash-test' } }] },
        },
        catalog: {
          locations: [{ type: 'file', target: catalog.root }],
          processingInterval: { minutes: 10 },
          // Slow, small batches so that the kill lands mid-ingestion; a short lease so the
          // entities the dead process had claimed are taken over quickly.
          processing: {
            pollInterval: { milliseconds: 50 },
            leaseTimeout: { seconds: 2 },
            batchSize: 40,
            concurrency: 2,
          },
        },
      }),
    );
    const expected = catalog.total + 2;
    let backend = await startBackendProcess(bundle, config);
    try {
      await until(async () => (await count(backend)) > 0, 30_000, 'first entities', backend.output);
      const before = await count(backend);
      backend.child.kill('SIGKILL');
      await new Promise((resolve) => backend.child.once('exit', resolve));
      expect(before).toBeLessThan(expected);
      backend = await startBackendProcess(bundle, config);
      await until(
        async () => (await count(backend)) === expected,
        60_000,
        `all ${expected} entities`,
        backend.output,
      );
      await until(
        async () => (await count(backend, '&filter=relations.dependencyof')) === catalog.total / 2,
        30_000,
        'relations',
        backend.output,
      );
    } finally {
      backend.child.kill('SIGKILL');
      await database.cleanup();
    }
  }, 120_000);
});
