import { median } from '../stats.js';
import { measureAuthorize } from './measure-authorize.js';
import { measureByQuery } from './measure-by-query.js';

const option = (args: string[], name: string, fallback: number) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) || fallback : fallback;
};
const ms = (n: number) => `${n.toFixed(3)} ms`;

/** `npm run bench -- access [--components N] [--seconds S] [--rounds R] [--samples N] [--skip-authorize] [--skip-catalog]` */
export async function run(args: string[]) {
  const size = { roles: 1000, users: 10_000, groups: 500 };
  console.log(`access benchmark: ${size.roles} roles, ${size.users} users in ${size.groups} groups`);
  const decisions = await measureAuthorize(size, option(args, '--samples', 20_000));
  console.log(
    `authorize, one decision: median ${ms(decisions.single.median)}, p99 ${ms(decisions.single.p99)}  target p99 < 2 ms`,
  );
  console.log(
    `authorize, batch of 100: median ${ms(decisions.batch.median)}, p99 ${ms(decisions.batch.p99)}  target < 20 ms`,
  );
  if (args.includes('--skip-catalog')) return;
  const components = option(args, '--components', 7500);
  const { ingestSeconds, visible, results, authorize } = await measureByQuery(
    size,
    components,
    option(args, '--seconds', 8),
    option(args, '--rounds', 3),
  );
  console.log(
    `catalog: ${components} components + ${size.users} users + ${size.groups} groups, ingested in ${ingestSeconds.toFixed(0)} s; the restricted user sees ${visible}`,
  );
  const p99 = (list: Array<{ p99: number }>) => median(list.map((r) => r.p99));
  const p50 = (list: Array<{ median: number }>) => median(list.map((r) => r.median));
  console.log(
    `by-query, 16 clients, operator (reads all): median ${p50(results.admin)} ms, p99 ${p99(results.admin)} ms (median of ${results.admin.length} rounds)`,
  );
  console.log(
    `by-query, 16 clients, restricted to own team: median ${p50(results.restricted)} ms, p99 ${p99(results.restricted)} ms`,
  );
  console.log(
    `p99 ratio restricted / operator: ${(p99(results.restricted) / p99(results.admin)).toFixed(2)}x  target <= 1.3x`,
  );
  console.log(
    `POST /api/permission/authorize over HTTP, 16 clients, restricted user: 1 item median ${authorize.single.median} ms, p99 ${authorize.single.p99} ms; 100 items median ${authorize.batch.median} ms, p99 ${authorize.batch.p99} ms`,
  );
}
