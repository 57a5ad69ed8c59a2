import { describe, expect, it } from 'vitest';
import { folderToAllow, parseImportTarget } from './import-target.js';

describe('parseImportTarget', () => {
  it('takes http(s) URLs as url locations and absolute paths (or file URLs) as files', () => {
    expect(parseImportTarget(' https://github.com/acme/app/blob/main/catalog-info.yaml ')).toEqual({
      kind: 'url',
      target: 'https://github.com/acme/app/blob/main/catalog-info.yaml',
    });
    expect(parseImportTarget('/srv/checkouts/app/catalog-info.yaml')).toEqual({
      kind: 'file',
      target: '/srv/checkouts/app/catalog-info.yaml',
    });
    expect(parseImportTarget('file:///srv/my%20repos/app.git/blob/main/catalog-info.yaml')).toEqual({
      kind: 'file',
      target: '/srv/my repos/app.git/blob/main/catalog-info.yaml',
    });
    expect(parseImportTarget('C:\\checkouts\\app\\catalog-info.yaml').kind).toBe('file');
  });

  it('refuses free text and relative paths, asking for a URL or an absolute path', () => {
    for (const text of ['petstore', 'catalog-info.yaml', './examples/all.yaml', '~/app/catalog-info.yaml']) {
      const parsed = parseImportTarget(text);
      expect(parsed.kind, text).toBe('invalid');
      if (parsed.kind === 'invalid') expect(parsed.reason).toMatch(/URL .* absolute path/);
    }
    const other = parseImportTarget('ftp://example.com/catalog-info.yaml');
    expect(other.kind === 'invalid' && other.reason).toMatch(/^Only http\(s\) URLs and local files/);
  });
});

describe('folderToAllow', () => {
  it("allows a file's folder, or the folder holding a bare repository", () => {
    expect(folderToAllow('/srv/checkouts/app/catalog-info.yaml')).toBe('/srv/checkouts/app');
    expect(folderToAllow('/srv/repositories/app.git/blob/main/catalog-info.yaml')).toBe('/srv/repositories');
    expect(folderToAllow('/catalog-info.yaml')).toBe('/');
  });
});
