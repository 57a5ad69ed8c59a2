import { migrateDatabases } from '@atrium/kernel';
import type { CliIo } from '../cli-io.js';
import { loadInstalled } from '../load-installed.js';

/** `atrium db migrate`: applies the kernel's and every plugin's pending migrations. */
export async function dbMigrate(io: CliIo, configPaths: readonly string[] | undefined): Promise<number> {
  const report = await loadInstalled(io.cwd, configPaths);
  const applied = await migrateDatabases(report.plugins, report.config);
  for (const [owner, names] of Object.entries(applied)) {
    io.out(names.length > 0 ? `${owner}: applied ${names.join(', ')}` : `${owner}: up to date`);
  }
  return 0;
}
