import { describe, expect, it } from 'vitest';
import { renderPage } from './render-page.js';
import type { PageContext } from './rewrite-tree.js';

const ctx = (sourcePath = 'index.md'): PageContext => ({
  sourcePath,
  pages: new Set(['index.md', 'guide/setup.md', 'guide/index.md']),
  assets: new Set(['images/arch.png']),
  readerBase: '/docs/default/component/shop',
  staticBase: '/api/techdocs/static/docs/default/component/shop',
});

describe('renderPage', () => {
  it('renders CommonMark and GFM tables and task lists', () => {
    const page = renderPage('# Shop\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n', ctx());
    expect(page.title).toBe('Shop');
    expect(page.html).toContain('<table>');
    expect(page.html).toContain('<td>2</td>');
    expect(page.html).toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
    expect(page.html).toContain('task-list-item');
  });

  it('renders admonitions with titles, nested Markdown and nesting', () => {
    const md =
      '!!! warning "Mind the gap"\n    Some **bold** text.\n\n    !!! tip\n        Inner tip.\n\nAfter.\n';
    const page = renderPage(md, ctx());
    expect(page.html).toContain('<div class="admonition admonition-warning">');
    expect(page.html).toContain('<p class="admonition-title">Mind the gap</p>');
    expect(page.html).toContain('<strong>bold</strong>');
    expect(page.html).toContain('<div class="admonition admonition-tip">');
    expect(page.html).toContain('<p class="admonition-title">Tip</p>');
    expect(page.html).toContain('<p>After.</p>');
  });

  it('leaves admonition syntax inside code fences alone', () => {
    const page = renderPage('```\n!!! note\n    not an admonition\n```\n', ctx());
    expect(page.html).not.toContain('class="admonition');
    expect(page.html).toContain('!!! note');
  });

  it('highlights code on the server and leaves mermaid as text for the reader', () => {
    const page = renderPage('```ts\nconst a = 1;\n```\n\n```mermaid\ngraph TD; A-->B;\n```\n', ctx());
    expect(page.html).toContain('class="hljs language-ts"');
    expect(page.html).toContain('<span class="hljs-keyword">const</span>');
    expect(page.html).toContain('<pre class="mermaid">graph TD; A-->B;\n</pre>');
  });

  it('builds a table of contents from h2 and h3 with unique ids', () => {
    const page = renderPage('# T\n\n## Setup\n\n### Install it\n\n## Setup\n', ctx());
    expect(page.toc).toEqual([
      { id: 'setup', title: 'Setup', level: 2 },
      { id: 'install-it', title: 'Install it', level: 3 },
      { id: 'setup-1', title: 'Setup', level: 2 },
    ]);
    expect(page.html).toContain('<h2 id="setup">');
  });

  it('rewrites internal links and images to served paths', () => {
    const page = renderPage('[Setup](guide/setup.md#run) [Guide](guide/) ![arch](images/arch.png)', ctx());
    expect(page.html).toContain('href="/docs/default/component/shop/guide/setup#run"');
    expect(page.html).toContain('href="/docs/default/component/shop/guide/index"');
    expect(page.html).toContain('src="/api/techdocs/static/docs/default/component/shop/images/arch.png"');
    const nested = renderPage('[Home](../index.md)', ctx('guide/setup.md'));
    expect(nested.html).toContain('href="/docs/default/component/shop/index"');
    expect(nested.warnings).toEqual([]);
  });

  it('warns about links and images outside the docs folder or missing, and removes the escaping ones', () => {
    const page = renderPage(
      '[x](../../etc/passwd) ![y](../secret.png) [z](missing.md) ![w](nope.png)',
      ctx(),
    );
    expect(page.html).not.toContain('passwd');
    expect(page.html).not.toContain('secret.png');
    expect(page.warnings).toEqual([
      "index.md: link '../../etc/passwd' leads outside the docs folder; it was removed",
      "index.md: image '../secret.png' leads outside the docs folder; it was removed",
      "index.md: link 'missing.md' points at 'missing.md', which is not in the docs folder",
      "index.md: image 'nope.png' is not a published file of the docs folder",
    ]);
  });

  it('keeps external links and gives plain text for search', () => {
    const page = renderPage('# Title\n\nSee [site](https://example.com) *now*.', ctx());
    expect(page.html).toContain('href="https://example.com"');
    expect(page.text).toBe('Title See site now.');
  });
});
