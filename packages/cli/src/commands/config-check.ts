import type { CliIo } from '../cli-io.js';
import { loadInstalled } from '../load-installed.js';

/** `atrium config check`: validates config against every installed plugin's schema. */
export async function configCheck(io: CliIo, configPaths: readonly string[] | undefined): Promise<number> {
  const report = await loadInstalled(io.cwd, configPaths);
  const problems = [
    ...report.featureProblems.map((e) => `[${e.code}] ${e.message}`),
    ...report.configProblems,
  ];
  if (problems.length > 0) {
    io.err(
      `config check failed with ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    return 1;
  }
  io.out(`config is valid for ${report.plugins.length} plugin(s) and ${report.modules.length} module(s)`);
  return 0;
}
