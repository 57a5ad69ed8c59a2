import { describe, expect, it } from 'vitest';
import { parseSseBlocks } from './parse-sse-blocks.js';

describe('parseSseBlocks', () => {
  it('splits complete messages, joins data lines and keeps the unfinished tail', () => {
    const { messages, rest } = parseSseBlocks(
      ': comment\r\nevent: log\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: lo',
    );
    expect(messages).toEqual([{ event: 'log', data: '{"a":\n1}' }]);
    expect(rest).toBe('event: lo');
  });

  it('names an event without `event:` "message", ignores id and retry, and drops one without data', () => {
    const { messages, rest } = parseSseBlocks('id: 3\nretry: 10\ndata: x\n\nevent: ping\n\ndata\n\n');
    expect(messages).toEqual([
      { event: 'message', data: 'x' },
      { event: 'message', data: '' },
    ]);
    expect(rest).toBe('');
  });

  it('reads the same messages whichever way the text is cut into chunks', () => {
    const text = 'event: log\r\ndata: 1\r\n\r\nevent: log\rdata: 2\r\r\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const first = parseSseBlocks(text.slice(0, cut));
      const second = parseSseBlocks(first.rest + text.slice(cut));
      expect(
        [...first.messages, ...second.messages].map((m) => `${m.event} ${m.data}`),
        `cut at ${cut}`,
      ).toEqual(['log 1', 'log 2']);
      expect(second.rest).toBe('');
    }
  });
});
