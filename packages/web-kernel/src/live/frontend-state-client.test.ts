import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type StateEventSource, subscribeFrontendState } from './frontend-state-client.js';

// A scriptable EventSource: the test fires its events.
function fakeSources() {
  const opened: { url: string; fire(type: string, data?: string): void; closed: boolean }[] = [];
  const open = (url: string): StateEventSource => {
    const listeners = new Map<string, ((event: { data: string }) => void)[]>();
    const source = {
      url,
      closed: false,
      fire: (type: string, data = '') => {
        for (const l of listeners.get(type) ?? []) l({ data });
      },
      addEventListener: (type: string, listener: (event: { data: string }) => void) => {
        listeners.set(type, [...(listeners.get(type) ?? []), listener]);
      },
      close: () => {
        source.closed = true;
      },
    };
    opened.push(source);
    return source as StateEventSource;
  };
  return { opened, open };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const state = { revision: 'r1', features: [], extensions: ['page:a'] };

describe('subscribeFrontendState', () => {
  it('hands over each valid state and skips invalid ones', () => {
    const { opened, open } = fakeSources();
    const states: unknown[] = [];
    const invalid: unknown[] = [];
    subscribeFrontendState((s) => states.push(s), { open, onInvalid: (e) => invalid.push(e) });
    opened[0]?.fire('state', JSON.stringify(state));
    opened[0]?.fire('state', '{"revision":1}');
    opened[0]?.fire('state', 'not json');
    expect(states).toEqual([state]);
    expect(invalid).toHaveLength(2);
  });

  it('reconnects with a doubling delay, reset once a state arrives, and stops for good', () => {
    const { opened, open } = fakeSources();
    const stop = subscribeFrontendState(() => undefined, { open, initialDelayMs: 100, maxDelayMs: 300 });
    opened[0]?.fire('error');
    expect(opened[0]?.closed).toBe(true);
    vi.advanceTimersByTime(99);
    expect(opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(opened).toHaveLength(2);
    opened[1]?.fire('error');
    vi.advanceTimersByTime(199);
    expect(opened).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(opened).toHaveLength(3);
    opened[2]?.fire('error');
    vi.advanceTimersByTime(300); // capped at maxDelayMs
    expect(opened).toHaveLength(4);
    opened[3]?.fire('state', JSON.stringify(state));
    opened[3]?.fire('error');
    vi.advanceTimersByTime(100);
    expect(opened).toHaveLength(5);
    stop();
    expect(opened[4]?.closed).toBe(true);
    opened[4]?.fire('error');
    vi.advanceTimersByTime(10_000);
    expect(opened).toHaveLength(5);
  });
});
