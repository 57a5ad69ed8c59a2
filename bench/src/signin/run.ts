import authPlugin from '@atrium/auth/backend';
import catalogPlugin from '@atrium/catalog/backend';
import { startSignInSetup, testPeople } from '@atrium/test-kit';
import { median, percentile, summarize } from '../stats.js';

/**
 * "Sign-in to first page, OIDC, median on loopback", in its HTTP form: from `GET
 * /api/auth/oidc/start` through the real OpenID provider (oidc-provider), the callback
 * (code exchange, ID token checks, catalog resolver with transitive groups, refresh
 * session) to the user token from `/refresh`: every server step of the browser flow,
 * without the browser's rendering. Goal (issue 11): median under 1 s.
 *
 * Usage: npm run bench -- signin [--runs 50]
 */
export async function run(args: string[]): Promise<void> {
  const runsIndex = args.indexOf('--runs');
  const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 50;
  const setup = await startSignInSetup({ features: [authPlugin, catalogPlugin] });
  try {
    const once = async () => {
      const started = performance.now();
      const { client } = await setup.signIn(testPeople.ada);
      const refreshed = await setup.refresh(client);
      if (refreshed.status !== 200) throw new Error(`refresh answered ${refreshed.status}`);
      await refreshed.json();
      return performance.now() - started;
    };
    for (let i = 0; i < 5; i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await once());
    console.log(`sign-in to token, OIDC, HTTP flow on loopback (${runs} runs after 5 warm-ups)`);
    console.log(`  ${summarize(samples, 'ms')}`);
    console.log(
      `  median ${median(samples).toFixed(1)} ms, p90 ${percentile(samples, 90).toFixed(1)} ms (goal: median < 1000 ms)`,
    );
  } finally {
    await setup.stop();
  }
}
