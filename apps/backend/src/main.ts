import { parseArgs } from 'node:util';
import { startPortal } from '@atrium/cli';

// `node apps/backend/dist/main.js [--config file]...`: the same as `atrium start`.
const { values } = parseArgs({ options: { config: { type: 'string', multiple: true } }, strict: true });
startPortal({ configPaths: values.config, handleSignals: true }).catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.message : error)}\n`);
  process.exit(1);
});
