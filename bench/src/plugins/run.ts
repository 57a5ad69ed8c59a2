import type { PluginRuntimeService } from '@atrium/kernel';
import { startTestBackend } from '@atrium/test-kit';
import { median, summarize } from '../stats.js';
import { measureCycles } from './cycles.js';
import { measureInstall } from './install.js';
import { measureManagerCycles } from './manager-cycles.js';
import { runtimeHolderPlugin } from './runtime-bench-plugin.js';
import { measureSwitch } from './switch.js';

/** `npm run bench -- plugins [--switches N] [--cycles N] [--installs N]`: runtime plugins, kernel and manager. */
export async function run(args: string[]) {
  const switches = Number(args[args.indexOf('--switches') + 1]) || 10;
  const cycles = Number(args[args.indexOf('--cycles') + 1]) || 20;
  const holder: { runtime?: PluginRuntimeService } = {};
  const backend = await startTestBackend({ features: [runtimeHolderPlugin(holder)] });
  const runtime = holder.runtime as PluginRuntimeService;
  try {
    console.log(`plugins benchmark (kernel): ${switches} switches under 16 clients, ${cycles} cycles`);
    const result = await measureSwitch(runtime, backend.url, { clients: 16, switches, workMs: 50 });
    console.log(
      `requests: ${result.requests}, failed: ${result.failed}; route (50 ms of work) without a switch: median ${result.baselineMedianMs.toFixed(1)} ms, p99 ${result.baselineP99Ms.toFixed(1)} ms, in flight at a moment: median ${result.controlMedianMs.toFixed(1)} ms, slowest ${result.controlSlowestMs.toFixed(1)} ms`,
    );
    console.log(
      `activate() (switch + drain + old generation stopped): ${summarize(result.activateMs, 'ms')}`,
    );
    console.log(
      `switch's added latency for in-flight requests (median in flight at the switch minus without): ${summarize(result.addedMs, 'ms')}  target < 100 ms (${median(result.addedMs).toFixed(1)} / 100 ms)`,
    );
    console.log(`  same for the slowest request in flight: ${summarize(result.addedSlowestMs, 'ms')}`);
    await runtime.stop('bench-runtime', 'switch benchmark done');
    const memory = await measureCycles(runtime, backend.url, cycles);
    console.log(
      `RSS over ${cycles} install/upgrade/rollback/stop cycles: ${memory.beforeMb.toFixed(1)} -> ${memory.afterMb.toFixed(1)} MB, growth ${memory.growthMb.toFixed(1)} MB  target < 50 MB`,
    );
  } finally {
    await backend.stop();
  }
  // The plugin manager's side (bench/src/plugins/install.ts).
  const installs = await measureInstall(Number(args[args.indexOf('--installs') + 1]) || 5);
  console.log(
    `tarball upload -> first successful request on the plugin's route: ${summarize(installs, 'ms')}  target < 3000 ms (${median(installs).toFixed(0)} / 3000 ms)`,
  );
  const managed = await measureManagerCycles(cycles);
  console.log(
    `RSS over ${cycles} enable/upgrade/rollback/disable cycles through the plugin manager (${managed.loads} package loads, each unpacked anew; a package imported once per integrity): ${managed.beforeMb.toFixed(1)} -> ${managed.afterMb.toFixed(1)} MB, growth ${managed.growthMb.toFixed(1)} MB (${(managed.growthMb / managed.loads).toFixed(2)} MB per load; JS heap ${managed.heapGrowthMb.toFixed(1)} MB, external ${managed.externalGrowthMb.toFixed(1)} MB)  target < 50 MB; unpacked folders left: ${managed.folders}`,
  );
}
