import { NotFoundError, PayloadTooLargeError } from '@atrium/errors';
import { type GitBlobTarget, git } from './git-blob-reader.js';
import type { TreeFile } from './url-reader-service.js';

/** `<repository>.git/(tree|blob)/<ref>[/<folder>]`: a folder at a ref of a local bare repository. */
const treePath = /^(.+?\.git)\/(?:tree|blob)\/([^/]+)(?:\/(.*))?$/;

/** The repository, ref and folder ('' for the root) a tree path names, if it has that shape. */
export function parseGitTreePath(path: string): GitBlobTarget | undefined {
  const match = treePath.exec(path);
  if (!match) return undefined;
  const [, repository = '', ref = '', file = ''] = match;
  return { repository, ref, file: file.replace(/\/+$/, '') };
}

/** One file of a tree listing: `git ls-tree -l` gives the size, so limits apply before reading. */
interface TreeEntry {
  path: string;
  id: string;
  size: number;
}

/** Full ref names tried for a plain name, in git's order (tag before branch). */
const fullRefs = (ref: string) => (ref === 'HEAD' ? ['HEAD'] : [`refs/tags/${ref}`, `refs/heads/${ref}`]);

async function treeIdOf(target: GitBlobTarget): Promise<string | undefined> {
  const input = fullRefs(target.ref)
    .map((ref) => `${ref}:${target.file}\n`)
    .join('');
  const lines = (await git(target.repository, ['cat-file', '--batch-check'], 64 * 1024, input)).toString();
  for (const line of lines.split('\n')) {
    const [id, type] = line.split(' ');
    if (id && type === 'tree') return id;
  }
  return undefined;
}

// Listings bigger than this are refused: a docs tree of 100k files is not a docs tree.
const MAX_LISTING_BYTES = 16 * 1024 * 1024;

async function listTree(repository: string, treeId: string): Promise<TreeEntry[]> {
  let out: Buffer;
  try {
    out = await git(repository, ['ls-tree', '-r', '-l', '-z', '--full-tree', treeId], MAX_LISTING_BYTES);
  } catch (error) {
    if (/maxBuffer/i.test(String(error)))
      throw new PayloadTooLargeError(`the tree ${treeId} of ${repository} lists too many files to read`);
    throw error;
  }
  const entries: TreeEntry[] = [];
  for (const record of out.toString('utf8').split('\0')) {
    // `<mode> <type> <id> <size>\t<path>`; symlinks (120000) and submodules (commit) are not files.
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, id, size] = record.slice(0, tab).split(/ +/);
    if (type !== 'blob' || mode === '120000' || !id) continue;
    entries.push({ path: record.slice(tab + 1), id, size: Number(size) });
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Parses `git cat-file --batch` output: `<id> <type> <size>\n<content>\n` per object. */
function parseBatch(out: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const newline = out.indexOf(10, at);
    if (newline < 0) break;
    const [id = '', , size] = out.subarray(at, newline).toString().split(' ');
    const length = Number(size);
    blobs.set(id, out.subarray(newline + 1, newline + 1 + length));
    at = newline + 1 + length + 1;
  }
  return blobs;
}

// One git process reads this many bytes of consecutive files, rather than one process per file.
const BATCH_BYTES = 8 * 1024 * 1024;

/** Reads blobs in batches of consecutive entries; each loaded blob is handed out once and forgotten. */
function batchLoader(repository: string, entries: TreeEntry[], maxBytes: number) {
  const loaded = new Map<string, Buffer>();
  const index = new Map(entries.map((e, i) => [e.path, i]));
  async function load(first: number): Promise<void> {
    const batch: TreeEntry[] = [];
    let bytes = 0;
    for (let i = first; i < entries.length; i++) {
      const entry = entries[i] as TreeEntry;
      if (entry.size > maxBytes || loaded.has(entry.path)) continue;
      if (batch.length > 0 && bytes + entry.size > BATCH_BYTES) break;
      batch.push(entry);
      bytes += entry.size;
    }
    const input = batch.map((e) => `${e.id}\n`).join('');
    const blobs = parseBatch(
      await git(repository, ['cat-file', '--batch'], bytes + batch.length * 128, input),
    );
    for (const entry of batch) loaded.set(entry.path, blobs.get(entry.id) ?? Buffer.alloc(0));
  }
  return async (entry: TreeEntry): Promise<Buffer> => {
    if (entry.size > maxBytes)
      throw new PayloadTooLargeError(
        `'${entry.path}' in ${repository} is ${entry.size} bytes, over the limit of ${maxBytes} (backend.reading.maxBytes)`,
      );
    if (!loaded.has(entry.path)) await load(index.get(entry.path) ?? 0);
    const content = loaded.get(entry.path) ?? Buffer.alloc(0);
    loaded.delete(entry.path);
    return content;
  };
}

/**
 * Every file of a folder at a branch or tag of a local bare repository (`git ls-tree`, then
 * `git cat-file --batch` in batches), with each file's size checked against `maxBytes`
 * before it is read. The etag is the folder's tree id. The caller has checked the
 * repository path, that it is bare and the ref, as for a blob; `isDenied` filters paths
 * the file rule never serves.
 */
export async function readGitTree(
  target: GitBlobTarget,
  maxBytes: number,
  isDenied: (path: string) => boolean,
): Promise<{ files(): Promise<TreeFile[]>; etag: string }> {
  const treeId = await treeIdOf(target);
  if (!treeId)
    throw new NotFoundError(
      `'${target.file || '/'}' is not a folder at branch or tag '${target.ref}' in ${target.repository}`,
    );
  const entries = (await listTree(target.repository, treeId)).filter((e) => !isDenied(e.path));
  const read = batchLoader(target.repository, entries, maxBytes);
  return {
    etag: treeId,
    files: async () => entries.map((entry) => ({ path: entry.path, content: () => read(entry) })),
  };
}
