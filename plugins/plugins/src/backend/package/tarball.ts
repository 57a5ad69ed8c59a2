import { gunzipSync, gzipSync } from 'node:zlib';
import { InputError } from '@atrium/errors';
import { pluginsErrorCodes } from '../plugins-error-codes.js';

/** One regular file of a package tarball, its path relative to the package root. */
export interface TarFile {
  path: string;
  content: Buffer;
}

const BLOCK = 512;

const refuse = (reason: string) =>
  new InputError(`the package tarball was refused: ${reason}`, {
    code: pluginsErrorCodes.PLUGINS_TARBALL_INVALID,
  });

const text = (block: Buffer, start: number, length: number) =>
  block
    .subarray(start, start + length)
    .toString('utf8')
    .replace(/\0.*$/s, '');
const octal = (block: Buffer, start: number, length: number) =>
  Number.parseInt(text(block, start, length).trim() || '0', 8);

/** The package-relative path of an entry (npm packs under `package/`), refused when it could leave the package. */
export function packagePathOf(raw: string): string | undefined {
  const path = raw.replace(/^\.?\/+/, '');
  const [top, ...rest] = path.split('/');
  if (top === undefined || rest.length === 0) return undefined; // the top folder itself
  const inner = rest.filter((part) => part !== '' && part !== '.');
  if (inner.length === 0) return undefined;
  if (path.includes('\\') || path.includes('\0') || inner.some((part) => part === '..'))
    throw refuse(`entry '${raw}' has a path that leaves the package ('..', '\\' or NUL)`);
  return inner.join('/');
}

function paxPath(content: Buffer): string | undefined {
  for (const record of content.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * Reads a gzip'd tar as `npm pack` writes it, without touching the disk: only regular files
 * and folders; links, devices and paths leaving the package are refused (not skipped), and
 * the unpacked size is limited.
 */
export function readTarball(gzipped: Buffer, maxBytes: number): TarFile[] {
  let tar: Buffer;
  try {
    tar = gunzipSync(gzipped, { maxOutputLength: maxBytes * 4 });
  } catch (error) {
    throw refuse(
      `it is not a gzip file of at most ${maxBytes * 4} unpacked bytes (${(error as Error).message})`,
    );
  }
  const files: TarFile[] = [];
  let nextPath: string | undefined;
  let ended = false;
  for (let offset = 0; !ended && offset < tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.length < BLOCK) break;
    ended = header.every((byte) => byte === 0);
    if (ended) break;
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    if (body.length !== size) throw refuse('it ends inside an entry (truncated)');
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const prefix = text(header, 345, 155);
    const name = nextPath ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    if (type === 'x' || type === 'L') {
      nextPath = type === 'x' ? paxPath(body) : body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    nextPath = undefined;
    if (type === 'g' || type === '5') continue;
    if (type !== '0' && type !== '\0' && type !== '7')
      throw refuse(
        `entry '${name}' is a ${type === '2' ? 'symbolic link' : type === '1' ? 'hard link' : `type '${type}' entry`}; a package holds only files and folders`,
      );
    const path = packagePathOf(name);
    if (path) files.push({ path, content: Buffer.from(body) });
  }
  if (!ended) throw refuse('it ends inside an entry or without the end-of-archive block (truncated)');
  if (!files.some((file) => file.path === 'package.json'))
    throw refuse('it has no package.json at its top folder');
  return files;
}

function header(path: string, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const full = `package/${path}`;
  let cut = full.length > 100 ? full.lastIndexOf('/') : -1;
  while (cut > 155) cut = full.lastIndexOf('/', cut - 1);
  if (full.length > 100 && (cut < 0 || full.length - cut - 1 > 100))
    throw refuse(`path '${path}' is too long to pack`);
  block.write(cut < 0 ? full : full.slice(cut + 1), 0, 100, 'utf8');
  if (cut >= 0) block.write(full.slice(0, cut), 345, 155, 'utf8');
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write('00000000000\0', 136);
  block.write('        ', 148);
  block.write('0', 156);
  block.write('ustar\u000000', 257);
  const sum = block.reduce((total, byte) => total + byte, 0);
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/** Packs files as `npm pack` lays them out (`package/<path>`), in a stable order, gzip'd. */
export function writeTarball(files: readonly TarFile[]): Buffer {
  const parts: Buffer[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    parts.push(header(file.path, file.content.length), file.content);
    const pad = (BLOCK - (file.content.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(parts));
}
