import type { PluginRuntimeService } from '@atrium/kernel';
import { median, percentile } from '../stats.js';
import { prepareVersion } from './runtime-bench-plugin.js';

interface Sample {
  start: number;
  end: number;
  ok: boolean;
}

/** Clients calling the plugin's route back to back until told to stop, recording each request. */
function startClients(url: string, count: number) {
  const samples: Sample[] = [];
  let running = true;
  const loop = async () => {
    while (running) {
      const start = performance.now();
      const ok = await fetch(url).then(
        async (r) => {
          await r.text();
          return r.status === 200;
        },
        () => false,
      );
      samples.push({ start, end: performance.now(), ok });
    }
  };
  const loops = Array.from({ length: count }, loop);
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The switch's added latency: with `clients` clients holding requests of `workMs` on the
 * plugin's route, the slowest request in flight at the moment `activate()` is called,
 * minus the slowest in flight at moments without a switch (the median of ten). Prepare runs before that moment (it
 * is not the switch), and is reported on its own.
 */
export async function measureSwitch(
  runtime: PluginRuntimeService,
  baseUrl: string,
  options: { clients: number; switches: number; workMs: number },
) {
  await (await prepareVersion(runtime, 'v0')).activate();
  const url = `${baseUrl}/api/bench-runtime/work?ms=${options.workMs}`;
  const clientsStart = performance.now();
  const clients = startClients(url, options.clients);
  await pause(2000);
  const baselineEnd = performance.now();
  const moments: number[] = [];
  const activateMs: number[] = [];
  for (let i = 1; i <= options.switches; i++) {
    const next = await prepareVersion(runtime, `v${i}`);
    // Let the requests slowed by prepare's work (init, migrations) finish first.
    await pause(3 * options.workMs + 100);
    const moment = performance.now();
    moments.push(moment);
    await next.activate();
    activateMs.push(performance.now() - moment);
    await pause(100);
  }
  await clients.stop();
  return { ...analyse(clients.samples, moments, { start: clientsStart, end: baselineEnd }), activateMs };
}

/**
 * Latency at the switch moments against moments without a switch (ten, spread over the
 * baseline window), so the machine's own noise cancels out.
 */
function analyse(
  samples: readonly Sample[],
  moments: readonly number[],
  baseline: { start: number; end: number },
) {
  const latency = (s: Sample) => s.end - s.start;
  const steady = samples.filter((s) => s.end < baseline.end && s.start > baseline.start + 500).map(latency);
  const slowestInFlight = (moment: number) =>
    Math.max(...samples.filter((s) => s.start <= moment && s.end >= moment).map(latency));
  const from = baseline.start + 800;
  const control = Array.from({ length: 10 }, (_, i) => from + ((baseline.end - 300 - from) * i) / 9);
  const controlSlowest = median(control.map(slowestInFlight));
  return {
    failed: samples.filter((s) => !s.ok).length,
    requests: samples.length,
    baselineMedianMs: median(steady),
    baselineP99Ms: percentile(steady, 99),
    controlSlowestMs: controlSlowest,
    addedMs: moments.map((moment) => slowestInFlight(moment) - controlSlowest),
  };
}
