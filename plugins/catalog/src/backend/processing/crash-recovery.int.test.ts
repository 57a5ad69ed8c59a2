import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { beforeAll, describe, expect, it, vi } from 'vitest';
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

/** Polls the count until `check` holds; a timeout shows the end of the backend's output. */
function waitForCount(backend: BackendProcess, query: string, check: (n: number) => void, timeout: number) {
  return vi.waitFor(
    async () => {
      const n = await count(backend, query);
      try {
        check(n);
      } catch (error) {
        throw new Error(`${(error as Error).message}; backend output:\n${backend.output().slice(-3000)}`);
      }
    },
    { timeout, interval: 20 },
  );
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
      await waitForCount(backend, '', (n) => expect(n, 'first entities').toBeGreaterThan(0), 30_000);
      const before = await count(backend);
      backend.child.kill('SIGKILL');
      await new Promise((resolve) => backend.child.once('exit', resolve));
      expect(before).toBeLessThan(expected);
      backend = await startBackendProcess(bundle, config);
      await waitForCount(backend, '', (n) => expect(n, 'all entities').toBe(expected), 60_000);
      const withRelations = catalog.total / 2;
      await waitForCount(
        backend,
        '&filter=relations.dependencyof',
        (n) => expect(n, 'relations').toBe(withRelations),
        30_000,
      );
    } finally {
      backend.child.kill('SIGKILL');
      await database.cleanup();
    }
  }, 120_000);
});
