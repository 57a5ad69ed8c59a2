import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUrlReader } from './create-url-reader.js';
import { readingConfigSchema } from './reading-config.js';

let server: Server;
let origin: string;
const root = mkdtempSync(join(tmpdir(), 'atrium-reader-'));
const outside = mkdtempSync(join(tmpdir(), 'atrium-outside-'));

beforeAll(async () => {
  mkdirSync(join(root, 'repo', 'sub'), { recursive: true });
  writeFileSync(join(root, 'repo', 'catalog-info.yaml'), 'kind: Component');
  writeFileSync(join(root, 'repo', 'sub', 'catalog-info.yaml'), 'kind: API');
  writeFileSync(join(root, 'big.txt'), 'x'.repeat(2000));
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'link.txt'));
  server = createServer((req, res) => {
    if (req.url === '/ok') return res.end('hello');
    if (req.url === '/big') return res.end('y'.repeat(5000));
    if (req.url === '/redirect-out') {
      res.writeHead(302, { location: 'http://forbidden.example.com/x' });
      return res.end();
    }
    if (req.url === '/auth') return res.end(`authorization: ${req.headers.authorization ?? 'none'}`);
    if (req.url === '/redirect-same' || req.url === '/redirect-other') {
      const target = req.url === '/redirect-same' ? origin : origin.replace('127.0.0.1', 'localhost');
      res.writeHead(302, { location: `${target}/auth` });
      return res.end();
    }
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000);
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function reader() {
  const host = new URL(origin).host;
  const otherOrigin = { host: host.replace('127.0.0.1', 'localhost') };
  return createUrlReader(
    readingConfigSchema.parse({
      allow: [{ host }, otherOrigin],
      maxBytes: 1024,
      timeout: { milliseconds: 500 },
    }),
    { roots: [{ setting: 'test.roots', paths: [root] }], databaseDirectories: [], configFiles: [] },
  );
}

describe('file URLs', () => {
  it('reads files under the roots and finds files by glob', async () => {
    const file = await reader().readUrl(pathToFileURL(join(root, 'repo', 'catalog-info.yaml')).href);
    expect((await file.buffer()).toString()).toBe('kind: Component');
    const found = await reader().search(pathToFileURL(join(root, 'repo')).href + '/**/catalog-info.yaml');
    expect(found.files.map((f) => f.url.slice(pathToFileURL(root).href.length))).toEqual([
      '/repo/catalog-info.yaml',
      '/repo/sub/catalog-info.yaml',
    ]);
  });

  it('refuses paths outside the roots, including through .. and symlinks', async () => {
    await expect(reader().readUrl(pathToFileURL(join(outside, 'secret.txt')).href)).rejects.toThrowError(
      /outside the readable file roots \(test.roots: /,
    );
    await expect(
      reader().readUrl(`${pathToFileURL(root).href}/repo/../../${outside.split('/').pop()}/secret.txt`),
    ).rejects.toThrowError(/outside/);
    await expect(reader().readUrl(pathToFileURL(join(root, 'link.txt')).href)).rejects.toThrowError(
      /outside/,
    );
  });

  it('enforces the size limit and reports unchanged content', async () => {
    const big = await reader().readUrl(pathToFileURL(join(root, 'big.txt')).href);
    await expect(big.buffer()).rejects.toThrowError(/over the limit of 1024/);
    const url = pathToFileURL(join(root, 'repo', 'catalog-info.yaml')).href;
    const first = await reader().readUrl(url);
    await expect(reader().readUrl(url, { etag: first.etag })).rejects.toMatchObject({
      name: 'NotModifiedError',
    });
  });

  it('reads a directory tree', async () => {
    const tree = await reader().readTree(pathToFileURL(join(root, 'repo')).href);
    expect((await tree.files()).map((f) => f.path)).toEqual(['catalog-info.yaml', 'sub/catalog-info.yaml']);
  });
});

describe('files in local bare git repositories', () => {
  function git(args: string[], cwd?: string) {
    execFileSync('git', args, {
      cwd,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
      },
    });
  }

  it('reads <repo>.git/blob/<ref>/<path> at the ref, with the blob id as etag', async () => {
    const work = mkdtempSync(join(tmpdir(), 'atrium-git-work-'));
    const bare = join(root, 'app.git');
    git(['init', '--quiet', '--bare', '--initial-branch=main', bare]);
    git(['init', '--quiet', '--initial-branch=main'], work);
    mkdirSync(join(work, 'docs'));
    writeFileSync(join(work, 'catalog-info.yaml'), 'kind: Component\n');
    writeFileSync(join(work, 'docs', 'index.md'), '# Docs\n');
    git(['add', '.'], work);
    git(['commit', '--quiet', '-m', 'first'], work);
    git(['push', '--quiet', bare, 'main'], work);

    const url = `${pathToFileURL(bare).href}/blob/main/catalog-info.yaml`;
    const file = await reader().readUrl(url);
    expect((await file.buffer()).toString()).toBe('kind: Component\n');
    await expect(reader().readUrl(url, { etag: file.etag })).rejects.toMatchObject({
      name: 'NotModifiedError',
    });
    const nested = await reader().readUrl(new URL('./docs/index.md', url).href);
    expect((await nested.buffer()).toString()).toBe('# Docs\n');
    await expect(
      reader().readUrl(`${pathToFileURL(bare).href}/blob/main/missing.yaml`),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('keeps repositories outside the roots out of reach', async () => {
    const bare = join(outside, 'secret.git');
    git(['init', '--quiet', '--bare', bare]);
    await expect(reader().readUrl(`${pathToFileURL(bare).href}/blob/main/x`)).rejects.toThrowError(
      /outside the readable file roots \(test.roots: /,
    );
  });
});

describe('http URLs', () => {
  it('reads allowed hosts and refuses others, also after a redirect', async () => {
    expect((await (await reader().readUrl(`${origin}/ok`)).buffer()).toString()).toBe('hello');
    await expect(reader().readUrl('http://example.org/x')).rejects.toThrowError(
      /host 'example.org' is not in backend.reading.allow/,
    );
    await expect(reader().readUrl(`${origin}/redirect-out`)).rejects.toThrowError(/forbidden.example.com/);
  });

  it('enforces size and time limits', async () => {
    await expect(reader().readUrl(`${origin}/big`)).rejects.toMatchObject({ name: 'PayloadTooLargeError' });
    await expect(reader().readUrl(`${origin}/slow`)).rejects.toThrowError(/timed out after 500 ms/);
    await expect(reader().readUrl(`${origin}/missing`)).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it("takes a read's own size limit instead of backend.reading.maxBytes", async () => {
    const big = await reader().readUrl(`${origin}/big`, { maxBytes: 8000 });
    expect((await big.buffer()).length).toBe(5000);
    await expect(reader().readUrl(`${origin}/big`, { maxBytes: 4000 })).rejects.toThrowError(
      /over the limit of 4000/,
    );
  });

  it('sends an authorization only to the origin it was given for, not after a redirect elsewhere', async () => {
    const read = async (path: string) =>
      (
        await (await reader().readUrl(`${origin}${path}`, { authorization: 'Bearer s3cret' })).buffer()
      ).toString();
    expect(await read('/auth')).toBe('authorization: Bearer s3cret');
    expect(await read('/redirect-same')).toBe('authorization: Bearer s3cret');
    expect(await read('/redirect-other')).toBe('authorization: none');
  });

  it('refuses unsupported protocols', async () => {
    await expect(reader().readUrl('ftp://example.com/x')).rejects.toThrowError(/unsupported protocol 'ftp:'/);
  });
});
