import type { Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { TocEntry } from '../../common/index.js';
import { parseMarkdown } from './parse-markdown.js';
import { type PageContext, rewriteTree, type TreeFacts } from './rewrite-tree.js';
import { sanitizeSchema } from './sanitize-schema.js';

// Built once (rehype-highlight registers its languages when a processor is frozen). Pages
// without raw HTML skip re-parsing through parse5, the costliest step; both sanitise.
const withRawHtml = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rewriteTree)
  .use(rehypeHighlight, { detect: false })
  .use(rehypeStringify)
  .freeze();
const withoutRawHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rewriteTree)
  .use(rehypeHighlight, { detect: false })
  .use(rehypeStringify)
  .freeze();

function hasHtml(node: { type: string; children?: unknown[] }): boolean {
  return node.type === 'html' || (node.children ?? []).some((child) => hasHtml(child as { type: string }));
}

/** A page rendered to sanitised HTML, with what the reader and search need. */
export interface RenderedPage {
  html: string;
  /** The first h1, if any. */
  title?: string;
  toc: TocEntry[];
  /** Plain text of the page, for search. */
  text: string;
  /** Problems that did not stop the page: links out of the folder, missing images. */
  warnings: string[];
}

/**
 * Renders one Markdown page of a docs site: CommonMark + GFM + admonitions, raw HTML
 * parsed and then sanitised on the server (scripts, event handlers and `javascript:`
 * URLs never reach the reader), links and images rewritten to served paths, code
 * highlighted, mermaid blocks left for the reader to draw, headings given ids.
 *
 * @example
 * const page = renderPage('# Hi\n\nSee [setup](setup.md).', { sourcePath: 'index.md', pages: new Set(['index.md', 'setup.md']), assets: new Set(), readerBase: '/docs/default/component/a', staticBase: '/api/techdocs/static/docs/default/component/a' });
 * page.title; // 'Hi'
 */
export function renderPage(markdown: string, ctx: PageContext): RenderedPage {
  const facts: TreeFacts = { toc: [], warnings: [] };
  const file = new VFile({ data: { techdocs: { ctx, facts } } });
  const mdast = parseMarkdown(markdown);
  const processor = hasHtml(mdast) ? withRawHtml : withoutRawHtml;
  const tree = processor.runSync(mdast, file) as Root;
  const html = processor.stringify(tree);
  return {
    html,
    title: facts.title,
    toc: facts.toc,
    text: textOf(tree).replace(/\s+/g, ' ').trim(),
    warnings: facts.warnings,
  };
}
