import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaptureLogger } from '@atrium/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskStatus } from '../../common/index.js';
import type { TaskRow } from '../store/tables.js';
import type { TaskStore } from '../store/task-store.js';
import { sweepWorkspaces } from './sweep-workspaces.js';

const ids = {
  done: '11111111-1111-4111-8111-111111111111',
  running: '22222222-2222-4222-8222-222222222222',
  foreign: '33333333-3333-4333-8333-333333333333',
  abandoned: '44444444-4444-4444-8444-444444444444',
};
const statuses: Record<string, TaskStatus> = { [ids.done]: 'completed', [ids.running]: 'processing' };
// Only `get` is used by the sweep: a store that knows two tasks.
const store = {
  get: async (id: string) =>
    statuses[id] ? ({ id, status: statuses[id] } as unknown as TaskRow) : undefined,
} as TaskStore;

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('sweepWorkspaces', () => {
  it("removes only what is surely abandoned, never another portal's running task", async () => {
    dir = await mkdtemp(join(tmpdir(), 'atrium-sweep-'));
    const dayAgo = new Date(Date.now() - 25 * 60 * 60_000);
    for (const id of Object.values(ids)) await mkdir(join(dir, `${id}-abc`));
    await mkdir(join(dir, 'dry-run-old'));
    await mkdir(join(dir, 'dry-run-new'));
    await mkdir(join(dir, 'unrelated'));
    await utimes(join(dir, `${ids.abandoned}-abc`), dayAgo, dayAgo);
    await utimes(join(dir, 'dry-run-old'), dayAgo, dayAgo);

    const removed = await sweepWorkspaces(dir, store, createCaptureLogger());

    expect(removed).toBe(3);
    expect((await readdir(dir)).sort()).toEqual(
      [`${ids.running}-abc`, `${ids.foreign}-abc`, 'dry-run-new', 'unrelated'].sort(),
    );
  });
});
