import type { SearchResult } from '../../common/search-types.js';

/**
 * A field of a result with its matched words marked. The highlight is split on the
 * result's tags and rendered as text nodes: document text never becomes HTML.
 */
export function HighlightedText({
  result,
  field,
  fallback,
}: {
  result: SearchResult;
  field: string;
  fallback: string;
}) {
  const highlight = result.highlight;
  const marked = highlight?.fields[field];
  if (!highlight || !marked) return <>{fallback}</>;
  const parts: Array<{ text: string; isMatch: boolean }> = [];
  for (const [i, chunk] of marked.split(highlight.preTag).entries()) {
    if (i === 0) {
      parts.push({ text: chunk, isMatch: false });
      continue;
    }
    const end = chunk.indexOf(highlight.postTag);
    if (end < 0) parts.push({ text: chunk, isMatch: false });
    else
      parts.push(
        { text: chunk.slice(0, end), isMatch: true },
        { text: chunk.slice(end + highlight.postTag.length), isMatch: false },
      );
  }
  return (
    <>
      {parts
        .filter((part) => part.text !== '')
        .map((part, i) =>
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, never reordered.
          part.isMatch ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
        )}
    </>
  );
}
