// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { generateSkeleton } from './generate-skeleton.js';

describe('generateSkeleton', () => {
  it('writes the asked number of templated files, a tenth of them with templated names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atrium-skeleton-'));
    await generateSkeleton(dir, 1000);
    const files = await glob('**/*', { cwd: dir, onlyFiles: true });
    expect(files).toHaveLength(1000);
    expect(files.filter((f) => f.includes('${{ values.name }}'))).toHaveLength(100);
    expect(await readFile(join(dir, files[0]!), 'utf8')).toContain('${{ values.name | upper }}');
  });
});
