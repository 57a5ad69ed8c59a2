import type { Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { type Admonition, admonitionMarkerPattern, splitAdmonitions } from './split-admonitions.js';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

// Admonitions nested deeper than this are left as text: a bound on hostile input.
const MAX_ADMONITION_DEPTH = 8;

function markerIndex(node: RootContent): number | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const [child] = node.children;
  if (child?.type !== 'text') return undefined;
  const match = admonitionMarkerPattern.exec(child.value.trim());
  return match ? Number(match[1]) : undefined;
}

function admonitionNode(block: Admonition, depth: number): RootContent {
  const title: Paragraph = {
    type: 'paragraph',
    data: { hName: block.collapsible ? 'summary' : 'p', hProperties: { className: ['admonition-title'] } },
    children: [{ type: 'text', value: block.title }],
  };
  const inner = parseMarkdown(block.body, depth + 1);
  // An element the Markdown-to-HTML step builds from `data.hName`; the sanitiser allows its classes.
  return {
    type: 'blockquote',
    data: {
      hName: block.collapsible ? 'details' : 'div',
      hProperties: { className: ['admonition', `admonition-${block.type.replace(/[^a-z0-9-]/g, '')}`] },
    },
    children: [title, ...(inner.children as Paragraph[])],
  };
}

/**
 * Parses MkDocs-flavoured Markdown into an mdast tree: CommonMark, GFM (tables, task
 * lists, strikethrough, autolinks) and admonitions (`!!! note "Title"`), which nest.
 *
 * @example
 * parseMarkdown('# Title\n\n!!! warning\n    Careful.').children.length; // 2
 */
export function parseMarkdown(source: string, depth = 0): Root {
  if (depth >= MAX_ADMONITION_DEPTH) return parser.parse(source);
  const { text, blocks } = splitAdmonitions(source);
  const tree = parser.parse(text);
  if (blocks.length === 0) return tree;
  tree.children = tree.children.map((node) => {
    const index = markerIndex(node);
    const block = index === undefined ? undefined : blocks[index];
    return block ? admonitionNode(block, depth) : node;
  });
  return tree;
}
