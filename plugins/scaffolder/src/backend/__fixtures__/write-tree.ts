import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { glob } from 'tinyglobby';

/** Writes files (`{ 'a/b.txt': 'content' }`) into a new temporary directory and answers it. */
export async function writeTree(
  files: Record<string, string | Buffer>,
  options: { executable?: string[] } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'atrium-tree-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  for (const path of options.executable ?? []) await chmod(join(dir, path), 0o755);
  return dir;
}

/** Every file under `dir` with its text content. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const paths = (await glob('**/*', { cwd: dir, dot: true, onlyFiles: true })).sort();
  const entries = await Promise.all(
    paths.map(async (p) => [p, await readFile(join(dir, p), 'utf8')] as const),
  );
  return Object.fromEntries(entries);
}
