import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoggerService } from '@atrium/kernel';
import type { TaskStore } from '../store/task-store.js';

const UUID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-/;
const DRY_RUN_MAX_AGE_MS = 60 * 60_000;
// A folder of a task this database does not know may belong to another portal sharing the
// directory (another database on the same host): left alone until surely abandoned.
const FOREIGN_MAX_AGE_MS = 24 * 60 * 60_000;

async function olderThan(path: string, ms: number): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > ms;
}

async function isStale(path: string, entry: string, store: TaskStore): Promise<boolean> {
  const taskId = UUID.exec(entry)?.[1];
  if (taskId) {
    const task = await store.get(taskId);
    if (!task) return olderThan(path, FOREIGN_MAX_AGE_MS);
    return task.status !== 'processing';
  }
  if (entry.startsWith('dry-run-')) return olderThan(path, DRY_RUN_MAX_AGE_MS);
  return false;
}

/**
 * Removes workspaces left behind by a backend that died while running a task: a task's
 * folder goes once the task is no longer processing (another backend on this host may
 * still be running it), a dry run's after an hour, a task this database does not know
 * after a day (it may be another portal's, running now).
 */
export async function sweepWorkspaces(
  workingDirectory: string,
  store: TaskStore,
  logger: LoggerService,
): Promise<number> {
  const entries = await readdir(workingDirectory).catch(() => [] as string[]);
  let removed = 0;
  for (const entry of entries) {
    const path = join(workingDirectory, entry);
    if (!(await isStale(path, entry, store))) continue;
    await rm(path, { recursive: true, force: true });
    removed++;
  }
  if (removed > 0) logger.info(`removed ${removed} workspaces left behind in ${workingDirectory}`);
  return removed;
}
