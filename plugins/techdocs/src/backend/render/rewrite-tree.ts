import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { TocEntry } from '../../common/index.js';
import { resolveDocPath } from './resolve-doc-path.js';

/** What a page's links and images may point at, and where the site is served. */
export interface PageContext {
  /** The page's Markdown file, relative to the docs folder (`guide/setup.md`). */
  sourcePath: string;
  /** Every Markdown file of the docs folder. */
  pages: ReadonlySet<string>;
  /** Every other file of the docs folder that is published (images and the like). */
  assets: ReadonlySet<string>;
  /** The reader's route for this site, e.g. `/docs/default/component/payments`. */
  readerBase: string;
  /** The static route for this site, e.g. `/api/techdocs/static/docs/default/component/payments`. */
  staticBase: string;
  /** Appended to reader and static URLs of a version other than the default (`?version=v1.2.0`). */
  versionQuery?: string;
}

/** What the tree walk found besides the rewritten tree. */
export interface TreeFacts {
  title?: string;
  toc: TocEntry[];
  warnings: string[];
}

/** The reader's page path of a Markdown file: `guide/setup.md` → `guide/setup`. */
export function pagePathOf(markdownFile: string): string {
  return markdownFile.replace(/\.md$/i, '');
}

function pageTarget(path: string, ctx: PageContext): string | undefined {
  if (ctx.pages.has(path)) return path;
  const index = path === '' ? 'index.md' : `${path}/index.md`;
  return ctx.pages.has(index) ? index : undefined;
}

function rewriteHref(node: Element, ctx: PageContext, facts: TreeFacts): void {
  const href = String(node.properties.href ?? '');
  const target = resolveDocPath(ctx.sourcePath, href);
  if (target.kind === 'outside') {
    facts.warnings.push(`${ctx.sourcePath}: link '${href}' leads outside the docs folder; it was removed`);
    delete node.properties.href;
    return;
  }
  if (target.kind !== 'inside') return;
  const page = pageTarget(target.path, ctx);
  if (page) {
    node.properties.href = `${ctx.readerBase}/${pagePathOf(page)}${ctx.versionQuery ?? ''}${target.hash}`;
    node.properties.dataTechdocsPage = pagePathOf(page);
  } else if (ctx.assets.has(target.path)) {
    node.properties.href = `${ctx.staticBase}/${target.path}${ctx.versionQuery ?? ''}`;
  } else {
    facts.warnings.push(
      `${ctx.sourcePath}: link '${href}' points at '${target.path}', which is not in the docs folder`,
    );
  }
}

function rewriteSrc(node: Element, ctx: PageContext, facts: TreeFacts): void {
  const src = String(node.properties.src ?? '');
  const target = resolveDocPath(ctx.sourcePath, src);
  if (target.kind === 'external' || target.kind === 'anchor') return;
  if (target.kind === 'inside' && ctx.assets.has(target.path)) {
    node.properties.src = `${ctx.staticBase}/${target.path}${ctx.versionQuery ?? ''}`;
    return;
  }
  facts.warnings.push(
    target.kind === 'outside'
      ? `${ctx.sourcePath}: image '${src}' leads outside the docs folder; it was removed`
      : `${ctx.sourcePath}: image '${src}' is not a published file of the docs folder`,
  );
  delete node.properties.src;
}

function isMermaidBlock(node: Element): boolean {
  const [code] = node.children;
  if (node.tagName !== 'pre' || code?.type !== 'element' || code.tagName !== 'code') return false;
  const classes = code.properties.className;
  return Array.isArray(classes) && classes.includes('language-mermaid');
}

function headingLevel(node: Element): number | undefined {
  const match = /^h([1-6])$/.exec(node.tagName);
  return match ? Number(match[1]) : undefined;
}

/**
 * A rehype step that runs after the sanitiser: rewrites links and images to served paths
 * (warning about ones that leave the docs folder or point at nothing), turns ```mermaid
 * blocks into `<pre class="mermaid">` text for the reader to draw, and gives headings ids
 * for the table of contents (h2 and h3).
 */
export function rewriteTree() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const { ctx, facts } = file.data.techdocs as { ctx: PageContext; facts: TreeFacts };
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (node.tagName === 'a' && node.properties.href !== undefined) rewriteHref(node, ctx, facts);
      if (node.tagName === 'img') rewriteSrc(node, ctx, facts);
      if (isMermaidBlock(node)) {
        node.properties = { className: ['mermaid'] };
        node.children = [{ type: 'text', value: textOf(node) }];
        return 'skip';
      }
      const level = headingLevel(node);
      if (level === undefined) return undefined;
      const title = textOf(node).trim();
      const id = slugger.slug(title);
      node.properties.id = id;
      if (level === 1 && facts.title === undefined) facts.title = title;
      if (level === 2 || level === 3) facts.toc.push({ id, title, level });
      return undefined;
    });
  };
}
