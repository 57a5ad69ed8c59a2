import { InputError } from '@atrium/errors';
import { parseDocument } from 'yaml';

/** The parts of `mkdocs.yml` Atrium's builder reads. */
export interface MkDocsConfig {
  siteName?: string;
  siteDescription: string;
  docsDir: string;
  /** The raw `nav`, normalised by `buildNav`. */
  nav?: unknown;
  repoUrl?: string;
  editUri?: string;
}

// What techdocs-core bundles: rendered natively or harmless to ignore.
const KNOWN_PLUGINS = new Set(['techdocs-core', 'search', 'monorepo']);
const KNOWN_EXTENSIONS = new Set([
  'admonition',
  'toc',
  'tables',
  'attr_list',
  'md_in_html',
  'def_list',
  'abbr',
  'footnotes',
  'meta',
  'fenced_code',
  'codehilite',
  'pymdownx.superfences',
  'pymdownx.highlight',
  'pymdownx.inlinehilite',
  'pymdownx.tasklist',
  'pymdownx.details',
  'pymdownx.tilde',
  'pymdownx.betterem',
  'pymdownx.magiclink',
  'markdown_inline_mermaid',
  'plantuml_markdown',
  'pymdownx.snippets',
  'pymdownx.emoji',
  'pymdownx.caret',
  'pymdownx.mark',
  'pymdownx.smartsymbols',
  'pymdownx.tabbed',
]);

function names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (item && typeof item === 'object') return Object.keys(item);
    return [];
  });
}

function optionalString(value: unknown, key: string, warnings: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  warnings.push(`mkdocs.yml: '${key}' should be a string; it was ignored`);
  return undefined;
}

function safeDocsDir(value: string | undefined): string {
  const dir = (value ?? 'docs').replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (dir === '' || dir === '.') return '';
  if (dir.startsWith('/') || dir.split('/').includes('..'))
    throw new InputError(
      `mkdocs.yml: docs_dir '${value}' leaves the docs source folder; use a folder inside it`,
    );
  return dir;
}

/**
 * Parses `mkdocs.yml`. Broken YAML is an `InputError` naming the line; unknown plugins and
 * Markdown extensions (and Python-specific tags such as `!!python/name:`) only add
 * warnings, as the site still builds.
 *
 * @example
 * parseMkDocsConfig('site_name: Shop\nplugins: [techdocs-core, awesome-pages]').warnings;
 * // ["mkdocs.yml: plugin 'awesome-pages' is not supported by Atrium's builder; it was ignored"]
 */
export function parseMkDocsConfig(text: string): { config: MkDocsConfig; warnings: string[] } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: false });
  const [error] = doc.errors;
  if (error) throw new InputError(`mkdocs.yml is not valid YAML: ${error.message}`, { cause: error });
  const warnings = doc.warnings.map((w) => `mkdocs.yml: ${w.message.split('\n')[0]}`);
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new InputError('mkdocs.yml must be a YAML mapping (site_name, nav, docs_dir, ...)');
  const data = raw as Record<string, unknown>;
  for (const name of names(data.plugins).filter((n) => !KNOWN_PLUGINS.has(n)))
    warnings.push(`mkdocs.yml: plugin '${name}' is not supported by Atrium's builder; it was ignored`);
  for (const name of names(data.markdown_extensions).filter((n) => !KNOWN_EXTENSIONS.has(n)))
    warnings.push(
      `mkdocs.yml: Markdown extension '${name}' is not supported by Atrium's builder; it was ignored`,
    );
  const siteName = optionalString(data.site_name, 'site_name', warnings);
  if (siteName === undefined) warnings.push("mkdocs.yml: 'site_name' is missing; the entity's title is used");
  return {
    config: {
      siteName,
      siteDescription: optionalString(data.site_description, 'site_description', warnings) ?? '',
      docsDir: safeDocsDir(optionalString(data.docs_dir, 'docs_dir', warnings)),
      nav: data.nav,
      repoUrl: optionalString(data.repo_url, 'repo_url', warnings),
      editUri: optionalString(data.edit_uri, 'edit_uri', warnings),
    },
    warnings,
  };
}
