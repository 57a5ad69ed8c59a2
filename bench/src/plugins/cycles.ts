import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { PluginRuntimeService } from '@atrium/kernel';
import { prepareVersion } from './runtime-bench-plugin.js';

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

/**
 * Backend RSS growth over `cycles` install/upgrade/rollback/stop cycles of a runtime
 * plugin (each: activate a, upgrade to b, roll back to a, one request each, stop),
 * after a warm-up cycle, with garbage collected before each reading.
 */
export async function measureCycles(runtime: PluginRuntimeService, baseUrl: string, cycles: number) {
  const url = `${baseUrl}/api/bench-runtime/work?ms=0`;
  const cycle = async (n: number) => {
    for (const version of [`${n}.0.0`, `${n}.1.0`, `${n}.0.0`]) {
      await (await prepareVersion(runtime, version)).activate();
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`cycle ${n}: ${url} answered ${response.status}`);
      await response.text();
    }
    await runtime.stop('bench-runtime', 'benchmark cycle');
  };
  // Collecting garbage before each reading measures what stays, not what is merely uncollected yet.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const collect = () => gc();
  await cycle(0);
  collect();
  const before = rssMb();
  for (let n = 1; n <= cycles; n++) await cycle(n);
  collect();
  await new Promise((resolve) => setTimeout(resolve, 500));
  collect();
  const after = rssMb();
  return {
    beforeMb: before,
    afterMb: after,
    growthMb: after - before,
  };
}
