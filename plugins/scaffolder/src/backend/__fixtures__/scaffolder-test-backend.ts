import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import catalogPlugin from '@atrium/catalog/backend';
import type { Entity } from '@atrium/catalog-model';
import type { BackendFeatureInput, JsonObject } from '@atrium/kernel';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { expect, vi } from 'vitest';
import { stringify } from 'yaml';
import type { SerializedTask, SerializedTaskEvent } from '../../common/index.js';
import { scaffolderPlugin } from '../plugin.js';

/** A running backend with the scaffolder, the real catalog serving `entities`, and API helpers. */
export interface ScaffolderTestBackend extends TestBackend {
  token: string;
  /** Where the entity files (and any fixtures the test wrote there) live. */
  fixturesDir: string;
  /** JSON request as the test user; answers status and parsed body. */
  api<T = unknown>(
    path: string,
    init?: { method?: string; body?: unknown; token?: string },
  ): Promise<{ status: number; body: T }>;
  createTask(templateRef: string, values?: JsonObject, secrets?: Record<string, string>): Promise<string>;
  /** Waits until the task is finished and answers it with all its events. */
  waitForTask(
    id: string,
    timeoutMs?: number,
  ): Promise<{ task: SerializedTask; events: SerializedTaskEvent[] }>;
}

const FINISHED = ['completed', 'failed', 'cancelled'];

const KINDS = ['Component', 'API', 'Resource', 'System', 'Domain', 'Group', 'User', 'Location', 'Template'];

async function writeEntities(dir: string, entities: Entity[]): Promise<string[]> {
  return Promise.all(
    entities.map(async (entity) => {
      const file = join(dir, `${entity.kind.toLowerCase()}-${entity.metadata.name}.yaml`);
      await writeFile(file, stringify(entity));
      return file;
    }),
  );
}

async function waitForEntities(backend: TestBackend, entities: Entity[]): Promise<void> {
  const token = await backend.serviceToken('catalog');
  for (const { kind, metadata } of entities) {
    const path = `/api/catalog/entities/by-name/${kind}/${metadata.namespace ?? 'default'}/${metadata.name}`;
    await vi.waitFor(
      async () =>
        expect(
          (await backend.fetch(path, { token })).status,
          `the catalog serves ${kind}:${metadata.name}`,
        ).toBe(200),
      { timeout: 15_000, interval: 50 },
    );
  }
}

/**
 * Starts a backend for scaffolder tests: the scaffolder with fast polling, and the real
 * catalog reading `entities` from YAML files written into `fixturesDir` (so a template's
 * `backstage.io/managed-by-location` points there and relative skeleton URLs resolve).
 */
export async function startScaffolderBackend(options: {
  entities?: Entity[];
  fixturesDir?: string;
  /** `scaffolder.*` config. */
  config?: JsonObject;
  /** `backend.*` config. */
  backend?: JsonObject;
  database?: JsonObject;
  features?: BackendFeatureInput[];
  /** Directories the server may read and register files from besides `fixturesDir`. */
  readableRoots?: string[];
  /** More `file` locations for the catalog (e.g. examples/templates/all.yaml). */
  locations?: string[];
}): Promise<ScaffolderTestBackend> {
  const fixturesDir = options.fixturesDir ?? (await mkdtemp(join(tmpdir(), 'atrium-scaffolder-fixtures-')));
  const entities = options.entities ?? [];
  const files = await writeEntities(fixturesDir, entities);
  const roots = [fixturesDir, ...(options.readableRoots ?? [])];
  const backend = await startTestBackend({
    features: [scaffolderPlugin, catalogPlugin, ...(options.features ?? [])],
    config: {
      // fixturesDir is readable as the folder of the catalog's config locations (the files above).
      backend: {
        ...options.backend,
        ...(options.database ? { database: options.database } : {}),
      },
      catalog: {
        locations: [...files, ...(options.locations ?? [])].map((target) => ({ type: 'file', target })),
        allowedFileRoots: roots,
        rules: [{ allow: KINDS }],
        processing: { pollInterval: { milliseconds: 50 } },
      },
      scaffolder: {
        taskPollInterval: { milliseconds: 100 },
        taskHeartbeatInterval: { milliseconds: 200 },
        ...options.config,
      },
    },
  });
  await waitForEntities(backend, entities);
  const token = await backend.userToken();
  const api: ScaffolderTestBackend['api'] = async (path, init = {}) => {
    const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
    const target = path.startsWith('/api/') ? path : `/api/scaffolder${path}`;
    return backend.json(method, target, { token: init.token ?? token, body: init.body });
  };
  return {
    ...backend,
    token,
    fixturesDir,
    api,
    async createTask(templateRef, values = {}, secrets) {
      const created = await api<{ id: string }>('/v2/tasks', { body: { templateRef, values, secrets } });
      if (created.status !== 201)
        throw new Error(`task not created: ${created.status} ${JSON.stringify(created.body)}`);
      return created.body.id;
    },
    async waitForTask(id, timeoutMs = 15_000) {
      const task = await vi.waitFor(
        async () => {
          const { body } = await api<SerializedTask>(`/v2/tasks/${id}`);
          expect(FINISHED, `task ${id} is finished`).toContain(body.status);
          return body;
        },
        { timeout: timeoutMs, interval: 50 },
      );
      const { body: events } = await api<SerializedTaskEvent[]>(`/v2/tasks/${id}/events`);
      return { task, events };
    },
  };
}

/** A Template entity for tests. */
export function templateEntity(name: string, spec: JsonObject): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', ...spec },
  } as Entity;
}
