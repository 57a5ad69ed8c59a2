import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoggerService } from '@atrium/kernel';
import type { TaskStore } from '../store/task-store.js';

const UUID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-/;
const DRY_RUN_MAX_AGE_MS = 60 * 60_000;

/**
 * Removes workspaces left behind by a backend that died while running a task: a task's
 * folder goes once the task is no longer processing (another backend on this host may
 * still be running it), a dry run's after an hour.
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
    const taskId = UUID.exec(entry)?.[1];
    let stale = false;
    if (taskId) stale = (await store.get(taskId))?.status !== 'processing';
    else if (entry.startsWith('dry-run-'))
      stale = Date.now() - (await stat(path)).mtimeMs > DRY_RUN_MAX_AGE_MS;
    if (!stale) continue;
    await rm(path, { recursive: true, force: true });
    removed++;
  }
  if (removed > 0) logger.info(`removed ${removed} workspaces left behind in ${workingDirectory}`);
  return removed;
}
