#!/usr/bin/env node
import { existsSync } from 'node:fs';

const entry = new URL('../dist/run-cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'atrium: the CLI is not built yet; run `npm install` (or `npm run build`) in the repository first\n',
  );
  process.exit(1);
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2));
