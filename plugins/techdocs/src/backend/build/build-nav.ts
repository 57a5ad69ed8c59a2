import type { NavEntry } from '../../common/index.js';
import { pagePathOf } from '../render/rewrite-tree.js';

const external = /^[a-z][a-z0-9+.-]*:/i;
const MAX_NAV_DEPTH = 10;

function titleFromFile(file: string): string {
  const base = file.replace(/\.md$/i, '').split('/').pop() ?? file;
  if (base === 'index') return 'Home';
  const words = base.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface NavInput {
  pages: ReadonlySet<string>;
  titles: ReadonlyMap<string, string>;
  warnings: string[];
}

function pageEntry(title: string | undefined, file: string, input: NavInput): NavEntry | undefined {
  if (external.test(file)) return undefined;
  const path = file.replace(/^\.\//, '');
  if (!input.pages.has(path)) {
    input.warnings.push(
      `mkdocs.yml: nav entry '${title ?? file}' points at '${file}', which is not in the docs folder; it was left out`,
    );
    return undefined;
  }
  return { title: title ?? input.titles.get(path) ?? titleFromFile(path), path: pagePathOf(path) };
}

function entryOf(item: unknown, input: NavInput, depth: number): NavEntry | undefined {
  if (typeof item === 'string') return pageEntry(undefined, item, input);
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    input.warnings.push(
      `mkdocs.yml: nav entry ${JSON.stringify(item)} is neither a file nor 'Title: file'; it was left out`,
    );
    return undefined;
  }
  const [[title, value] = []] = Object.entries(item);
  if (title === undefined) return undefined;
  if (typeof value === 'string') return pageEntry(title, value, input);
  if (Array.isArray(value) && depth < MAX_NAV_DEPTH) {
    const children = value.map((child) => entryOf(child, input, depth + 1)).filter((e) => e !== undefined);
    return { title, children };
  }
  input.warnings.push(`mkdocs.yml: nav entry '${title}' has no file or section; it was left out`);
  return undefined;
}

/** Every page, `index.md` first then by path, as MkDocs orders a site without `nav`. */
function navFromFiles(input: NavInput): NavEntry[] {
  const files = [...input.pages].sort((a, b) =>
    a === 'index.md' ? -1 : b === 'index.md' ? 1 : a.localeCompare(b),
  );
  return files.map((file) => ({
    title: input.titles.get(file) ?? titleFromFile(file),
    path: pagePathOf(file),
  }));
}

/**
 * The site's navigation from `nav` in mkdocs.yml, or from the files when there is none.
 * Entries that point at missing files are left out with a warning; external links are
 * left out (the reader lists pages).
 *
 * @example
 * buildNav([{ Home: 'index.md' }, { Guide: ['guide/setup.md'] }], { pages, titles, warnings });
 */
export function buildNav(nav: unknown, input: NavInput): NavEntry[] {
  if (nav === undefined || nav === null) return navFromFiles(input);
  if (!Array.isArray(nav)) {
    input.warnings.push("mkdocs.yml: 'nav' should be a list; the pages are listed by file instead");
    return navFromFiles(input);
  }
  return nav.map((item) => entryOf(item, input, 0)).filter((e) => e !== undefined);
}
