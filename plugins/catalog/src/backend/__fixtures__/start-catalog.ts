import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendFeatureInput, JsonObject } from '@atrium/kernel';
import {
  type CaptureLogger,
  createCaptureLogger,
  createTestDatabase,
  startTestBackend,
  type TestBackend,
  type TestDatabaseVariant,
} from '@atrium/test-kit';
import { expect, vi } from 'vitest';
import { catalogPlugin } from '../plugin.js';

/** Every built-in kind, so fixtures are not rejected by the default rules. */
export const ALL_KINDS = [
  'Component',
  'API',
  'Resource',
  'System',
  'Domain',
  'Group',
  'User',
  'Location',
  'Template',
];

/** A copy of a fixture folder in a fresh temp directory (tests may edit it). */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `atrium-catalog-${name}-`));
  cpSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), dir, { recursive: true });
  return dir;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read loosely typed JSON answers.
type LooseJson = any;

/** A running catalog with helpers for its API. */
export interface TestCatalog {
  backend: TestBackend;
  logger: CaptureLogger;
  token: string;
  get<T = LooseJson>(path: string, token?: string): Promise<{ status: number; body: T; headers: Headers }>;
  send<T = LooseJson>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: T }>;
  /** Polls until `check` returns a truthy value (or throws after `timeoutMs`). */
  waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

/** Options of {@link startCatalog}. */
export interface StartCatalogOptions {
  database: TestDatabaseVariant;
  /** Merged into `catalog` (fast polling is the default). */
  catalog?: JsonObject;
  /** Merged into `backend`. */
  backend?: JsonObject;
  features?: BackendFeatureInput[];
  /** PostgreSQL schema prefix to share a database between backends. */
  prefix?: string;
}

/**
 * Starts the catalog plugin on a test backend with the given database and config.
 *
 * @example
 * const catalog = await startCatalog({ database: 'sqlite', catalog: { locations: [...] } });
 */
export async function startCatalog(options: StartCatalogOptions): Promise<TestCatalog> {
  const database = await createTestDatabase(options.database, { prefix: options.prefix });
  const logger = createCaptureLogger();
  const backend = await startTestBackend({
    logger,
    features: [catalogPlugin, ...(options.features ?? [])],
    config: {
      backend: { database: database.config, ...options.backend },
      catalog: { processing: { pollInterval: { milliseconds: 40 } }, ...options.catalog },
    },
  });
  const token = await backend.userToken();
  const parse = async (response: Response) => {
    const text = await response.text();
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      return text;
    }
  };
  return {
    backend,
    logger,
    token,
    async get(path, as = token) {
      const response = await backend.fetch(`/api/catalog${path}`, { token: as });
      return { status: response.status, body: await parse(response), headers: response.headers };
    },
    async send(method, path, body, as = token) {
      const response = await backend.fetch(`/api/catalog${path}`, {
        token: as,
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await parse(response) };
    },
    async waitFor(check, timeoutMs = 15_000) {
      return vi.waitFor(
        async () => {
          const value = await check();
          expect(value, 'the awaited condition').toBeTruthy();
          return value as never;
        },
        { timeout: timeoutMs, interval: 50 },
      );
    },
    async stop() {
      await backend.stop();
      await database.cleanup();
    },
  };
}
