// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes a skeleton of `count` files into `dir`: nested folders, templated contents, and
 * every tenth file with a templated name, like a real service skeleton scaled up.
 */
export async function generateSkeleton(dir: string, count: number): Promise<void> {
  const writes: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `module-${i % 40}`, `part-${i % 7}`);
    const name = i % 10 === 0 ? `\${{ values.name }}-${i}.ts` : `file-${i}.ts`;
    const content = [
      `// Generated for \${{ values.name }} (owner \${{ values.owner }})`,
      `export const id${i} = '\${{ values.name | upper }}-${i}';`,
      '{% if values.withTests %}',
      `export const test${i} = true;`,
      '{% endif %}',
      `export const description = ${JSON.stringify('x'.repeat(200))};`,
      '',
    ].join('\n');
    writes.push(mkdir(folder, { recursive: true }).then(() => writeFile(join(folder, name), content)));
  }
  await Promise.all(writes);
}
