import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './start-portal.js';

/** Vitest global setup for the e2e project: the tests drive the built portal, so build it first. */
export default function buildOnce(): void {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('npm run build failed; the e2e tests need the built portal');
}
