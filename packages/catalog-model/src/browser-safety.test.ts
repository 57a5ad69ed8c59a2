import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The package runs in browsers too, so its sources must not reach for Node-only APIs.
const sourceDir = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(sourceDir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
const forbidden = [
  /from 'node:/,
  /from '(fs|path|crypto|os|url|buffer|process)'/,
  /\bBuffer\./,
  /\bprocess\./,
  /\brequire\(/,
];

describe('browser safety', () => {
  it.each(sources)('%s uses no Node-only API', (file) => {
    const text = readFileSync(join(sourceDir, file), 'utf8');
    for (const pattern of forbidden) expect(text).not.toMatch(pattern);
  });
});
