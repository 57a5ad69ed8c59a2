/** One server-sent event: its `event:` name and its joined `data:` lines. */
export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Splits buffered `text/event-stream` text into complete messages and the unfinished tail
 * to keep for the next chunk. Comments (`:`), `id:` and `retry:` lines are ignored;
 * messages without data are dropped, as browsers do. Line ends may be `\n`, `\r\n` or `\r`.
 *
 * @example
 * parseSseBlocks('event: log\ndata: {"id":1}\n\nevent: lo'); // { messages: [{ event: 'log', data: '{"id":1}' }], rest: 'event: lo' }
 */
export function parseSseBlocks(text: string): { messages: SseMessage[]; rest: string } {
  // A chunk may end between the `\r` and `\n` of one line end: that `\r` waits for the next chunk.
  const held = text.endsWith('\r') ? '\r' : '';
  const normalized = text.slice(0, text.length - held.length).replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = (blocks.pop() ?? '') + held;
  const messages: SseMessage[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) messages.push({ event, data: data.join('\n') });
  }
  return { messages, rest };
}
