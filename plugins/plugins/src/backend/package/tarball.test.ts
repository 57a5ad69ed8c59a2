import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTarball, writeTarball } from './tarball.js';

/** One raw ustar entry, as a hostile packer could write it. */
function entry(name: string, type: string, content = '', linkname = ''): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100);
  header.write('0000644\0', 100);
  header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write(type, 156);
  header.write(linkname, 157, 100);
  header.write('ustar\u000000', 257);
  const body = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  body.write(content);
  return Buffer.concat([header, body]);
}
const tgz = (...entries: Buffer[]) => gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)]));
const packageJson = entry('package/package.json', '0', '{"name":"x"}');

describe('package tarballs', () => {
  it('round-trips files, long paths included, under the package folder', () => {
    const long = `dist/${'deep/'.repeat(30)}index.js`;
    const files = [
      { path: 'package.json', content: Buffer.from('{"name":"x"}') },
      { path: long, content: Buffer.from('export default 1;\n') },
    ];
    const read = readTarball(writeTarball(files), 1_000_000);
    expect(read.map((f) => [f.path, f.content.toString()])).toEqual([
      [long, 'export default 1;\n'],
      ['package.json', '{"name":"x"}'],
    ]);
  });

  it('refuses symbolic links, hard links and devices instead of skipping them', () => {
    expect(() => readTarball(tgz(packageJson, entry('package/evil', '2', '', '/etc/passwd')), 1e6)).toThrow(
      /entry 'package\/evil' is a symbolic link/,
    );
    expect(() =>
      readTarball(tgz(packageJson, entry('package/hard', '1', '', 'package/package.json')), 1e6),
    ).toThrow(/hard link/);
    expect(() => readTarball(tgz(packageJson, entry('package/dev', '3')), 1e6)).toThrow(/type '3' entry/);
  });

  it('refuses paths that leave the package', () => {
    for (const name of ['package/../../etc/cron.d/x', 'package/a/../../../x', 'package/a\\..\\..\\x']) {
      expect(() => readTarball(tgz(packageJson, entry(name, '0', 'x')), 1e6), name).toThrow(
        /leaves the package/,
      );
    }
  });

  it('refuses what is not a gzip tar, a truncated one, one without package.json, and a gzip bomb', () => {
    expect(() => readTarball(Buffer.from('not gzip'), 1e6)).toThrow(/not a gzip file/);
    expect(() =>
      readTarball(
        gzipSync(
          Buffer.concat([packageJson, entry('package/a.js', '0', 'x'.repeat(2000))]).subarray(0, 1500),
        ),
        1e6,
      ),
    ).toThrow(/truncated/);
    expect(() => readTarball(tgz(entry('package/index.js', '0', '1')), 1e6)).toThrow(/no package.json/);
    expect(() => readTarball(gzipSync(Buffer.alloc(5_000_000)), 1000)).toThrow(/at most 4000 unpacked bytes/);
  });
});
