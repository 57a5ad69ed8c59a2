import { describe, expect, it } from 'vitest';
import { renderPage } from './render-page.js';

const ctx = {
  sourcePath: 'index.md',
  pages: new Set(['index.md']),
  assets: new Set<string>(),
  readerBase: '/docs/default/component/x',
  staticBase: '/api/techdocs/static/docs/default/component/x',
};

// Hostile Markdown as a pushed repository could hold it: nothing here may reach the reader
// in a form a browser would run.
const hostile = [
  '<script>alert(1)</script>',
  '<img src="x.png" onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '[md link](javascript:alert(1))',
  '[entity](&#106;avascript:alert(1))',
  '<iframe src="https://evil.example"></iframe>',
  '<svg><script>alert(1)</script></svg>',
  '<div style="background:url(javascript:alert(1))" onclick="alert(1)">x</div>',
  '<object data="evil.swf"></object><embed src="evil.swf">',
  '<form action="https://evil.example"><input name="q"></form>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<style>body{display:none}</style>',
  '<details open ontoggle="alert(1)"><summary>s</summary></details>',
  '!!! note "<img src=x onerror=alert(1)>"\n    body',
  '```mermaid\n<img src=x onerror=alert(1)>\n```',
];

describe('the sanitiser', () => {
  it.each(hostile)('neutralises %s', (markdown) => {
    const { html } = renderPage(markdown, ctx);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(iframe|object|embed|form|meta|style)\b/i);
    // Only real tags: text that looks like HTML is escaped (`&#x3C;`) and cannot run.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    for (const tag of tags) {
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/(href|src|action)="\s*(javascript|data):/i);
      expect(tag).not.toMatch(/style=/i);
    }
  });

  it('keeps harmless HTML', () => {
    const { html } = renderPage(
      '<kbd>Ctrl</kbd> <sup>2</sup> <details><summary>More</summary>Text</details>',
      ctx,
    );
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).toContain('<sup>2</sup>');
    expect(html).toContain('<details><summary>More</summary>Text</details>');
  });

  it('prefixes ids from the source so they cannot clobber globals', () => {
    const { html } = renderPage('<a id="location" name="config">x</a>', ctx);
    expect(html).toContain('id="user-content-location"');
    expect(html).toContain('name="user-content-config"');
  });
});
