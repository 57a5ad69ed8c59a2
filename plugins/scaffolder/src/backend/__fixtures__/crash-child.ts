// Entry of a backend process that a test kills with SIGKILL: `node crash-child.mjs '<config json>'`.
import { startTestBackend } from '@atrium/test-kit';
import { scaffolderPlugin } from '../plugin.js';

const config = JSON.parse(process.argv[2] ?? '{}');
const backend = await startTestBackend({ features: [scaffolderPlugin], config });
process.stdout.write(`ready ${backend.url}\n`);
