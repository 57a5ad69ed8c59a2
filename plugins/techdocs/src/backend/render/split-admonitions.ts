/** One MkDocs admonition (`!!! note "Title"` or a collapsible `??? tip`), its body dedented. */
export interface Admonition {
  type: string;
  title: string;
  body: string;
  collapsible: boolean;
}

const opener = /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"([^"]*)")?[ \t]*$/;
const fence = /^[ \t]{0,3}(```|~~~)/;

/** The marker a block is replaced with; it survives Markdown parsing as a paragraph's only text. */
export const admonitionMarker = (index: number) => `ATRIUMADMONITION${index}X`;
export const admonitionMarkerPattern = /^ATRIUMADMONITION(\d+)X$/;

function bodyLine(line: string): string | undefined {
  if (line.trim() === '') return '';
  if (line.startsWith('    ')) return line.slice(4);
  if (line.startsWith('\t')) return line.slice(1);
  return undefined;
}

function defaultTitle(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/**
 * Replaces Python-Markdown admonitions (top level of `source`, outside code fences) by
 * markers, returning the blocks for the caller to render (and split again: they nest).
 * An admonition's body is the following lines indented by four spaces, as in MkDocs.
 *
 * @example
 * splitAdmonitions('!!! note "Heads up"\n    Read this.\n').blocks[0]; // { type: 'note', title: 'Heads up', body: 'Read this.', ... }
 */
export function splitAdmonitions(source: string): { text: string; blocks: Admonition[] } {
  const lines = source.split(/\r?\n/);
  const out: string[] = [];
  const blocks: Admonition[] = [];
  let inFence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fenceMatch = fence.exec(line);
    if (fenceMatch)
      inFence = inFence === undefined ? fenceMatch[1] : inFence === fenceMatch[1] ? undefined : inFence;
    const match = inFence === undefined ? opener.exec(line) : null;
    if (!match) {
      out.push(line);
      continue;
    }
    const body: string[] = [];
    while (i + 1 < lines.length) {
      const next = bodyLine(lines[i + 1] ?? '');
      if (next === undefined) break;
      body.push(next);
      i++;
    }
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    const type = (match[2] ?? 'note').toLowerCase();
    blocks.push({
      type,
      title: match[3] ?? defaultTitle(type),
      body: body.join('\n'),
      collapsible: match[1] !== '!!!',
    });
    out.push('', admonitionMarker(blocks.length - 1), '');
  }
  return { text: out.join('\n'), blocks };
}
