#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs bench/dist/<name>/run.js (built by `npm run build`).
import { existsSync, readdirSync } from 'node:fs';

const [name, ...rest] = process.argv.slice(2);
const available = existsSync(new URL('./dist', import.meta.url))
  ? readdirSync(new URL('./dist', import.meta.url)).filter((d) =>
      existsSync(new URL(`./dist/${d}/run.js`, import.meta.url)),
    )
  : [];
if (!name || !available.includes(name)) {
  console.error(
    `usage: npm run bench -- <${available.join('|') || 'name'}> [options]\n(run npm run build first if the list is empty)`,
  );
  process.exit(2);
}
const { run } = await import(new URL(`./dist/${name}/run.js`, import.meta.url).href);
await run(rest);
