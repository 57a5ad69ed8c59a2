import { describe, expect, it } from 'vitest';
import { buildNav } from './build-nav.js';
import { editUrlOf } from './edit-url.js';
import { parseMkDocsConfig } from './parse-mkdocs-config.js';

describe('parseMkDocsConfig', () => {
  it('reads site name, description, docs_dir, nav and repository links', () => {
    const { config, warnings } = parseMkDocsConfig(
      'site_name: Shop\nsite_description: The shop\ndocs_dir: ./pages/\nnav:\n  - Home: index.md\nrepo_url: https://github.com/acme/shop\nedit_uri: edit/main/pages/\nplugins:\n  - techdocs-core\n',
    );
    expect(config).toEqual({
      siteName: 'Shop',
      siteDescription: 'The shop',
      docsDir: 'pages',
      nav: [{ Home: 'index.md' }],
      repoUrl: 'https://github.com/acme/shop',
      editUri: 'edit/main/pages/',
    });
    expect(warnings).toEqual([]);
  });

  it('warns about unknown plugins, extensions and Python tags, and still parses', () => {
    const { config, warnings } = parseMkDocsConfig(
      'site_name: S\nplugins:\n  - techdocs-core\n  - awesome-pages\n  - macros: { x: 1 }\nmarkdown_extensions:\n  - admonition\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n  - custom_ext\n',
    );
    expect(config.siteName).toBe('S');
    expect(warnings).toContain(
      "mkdocs.yml: plugin 'awesome-pages' is not supported by Atrium's builder; it was ignored",
    );
    expect(warnings).toContain(
      "mkdocs.yml: plugin 'macros' is not supported by Atrium's builder; it was ignored",
    );
    expect(warnings).toContain(
      "mkdocs.yml: Markdown extension 'custom_ext' is not supported by Atrium's builder; it was ignored",
    );
    expect(warnings.some((w) => w.includes('python/name'))).toBe(true);
  });

  it('refuses broken YAML with the line', () => {
    expect(() => parseMkDocsConfig('site_name: [unclosed\nnav: x\n')).toThrow(
      /mkdocs.yml is not valid YAML: .*line/,
    );
  });

  it('refuses a docs_dir that leaves the folder and a config that is not a mapping', () => {
    expect(() => parseMkDocsConfig('docs_dir: ../../etc')).toThrow(
      /docs_dir '..\/..\/etc' leaves the docs source folder/,
    );
    expect(() => parseMkDocsConfig('- a\n- b')).toThrow(/must be a YAML mapping/);
  });

  it('warns when site_name is missing', () => {
    expect(parseMkDocsConfig('nav: []').warnings).toEqual([
      "mkdocs.yml: 'site_name' is missing; the entity's title is used",
    ]);
  });
});

describe('buildNav', () => {
  const pages = new Set(['index.md', 'guide/setup.md', 'guide/run-it.md']);
  const titles = new Map([['guide/setup.md', 'Setting up']]);

  it('follows nav, with sections, and leaves out missing files with a warning', () => {
    const warnings: string[] = [];
    const nav = buildNav(
      [
        { Home: 'index.md' },
        { Guide: ['guide/setup.md', { Run: 'guide/run-it.md' }, { Gone: 'guide/gone.md' }] },
        { Site: 'https://x.example' },
      ],
      { pages, titles, warnings },
    );
    expect(nav).toEqual([
      { title: 'Home', path: 'index' },
      {
        title: 'Guide',
        children: [
          { title: 'Setting up', path: 'guide/setup' },
          { title: 'Run', path: 'guide/run-it' },
        ],
      },
    ]);
    expect(warnings).toEqual([
      "mkdocs.yml: nav entry 'Gone' points at 'guide/gone.md', which is not in the docs folder; it was left out",
    ]);
  });

  it('lists the files, index first, when there is no nav', () => {
    const nav = buildNav(undefined, { pages, titles, warnings: [] });
    expect(nav.map((e) => e.path)).toEqual(['index', 'guide/run-it', 'guide/setup']);
    expect(nav[1]?.title).toBe('Run it');
  });
});

describe('editUrlOf', () => {
  it('joins repo_url and edit_uri as MkDocs does', () => {
    expect(editUrlOf({ repoUrl: 'https://github.com/acme/shop' }, 'a/b.md')).toBe(
      'https://github.com/acme/shop/edit/main/docs/a/b.md',
    );
    expect(editUrlOf({ repoUrl: 'https://x.example/r', editUri: 'https://y.example/edit/' }, 'i.md')).toBe(
      'https://y.example/edit/i.md',
    );
    expect(editUrlOf({ repoUrl: 'https://x.example/r', editUri: '' }, 'i.md')).toBeUndefined();
    expect(editUrlOf({ repoUrl: 'javascript:alert(1)' }, 'i.md')).toBeUndefined();
  });
});
