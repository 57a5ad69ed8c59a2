import { parseSseBlocks } from '@atrium/http-api';
import type { FrontendState } from '../../common/frontend-state.js';

/** Reads `state` events from an open `/frontend-state/stream` response, one at a time. */
export function readStates(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const queued: FrontendState[] = [];
  let rest = '';
  return {
    /** The next state event; rejects when the stream ends first. */
    async next(): Promise<FrontendState> {
      while (queued.length === 0) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the frontend state stream ended');
        const parsed = parseSseBlocks(rest + decoder.decode(value, { stream: true }));
        rest = parsed.rest;
        for (const m of parsed.messages) if (m.event === 'state') queued.push(JSON.parse(m.data));
      }
      return queued.shift() as FrontendState;
    },
    /** Waits for a state that passes `test`, skipping others. */
    async until(test: (state: FrontendState) => boolean): Promise<FrontendState> {
      for (;;) {
        const state = await this.next();
        if (test(state)) return state;
      }
    },
    close: () => reader.cancel(),
  };
}

/** A built web app folder (index.html with the config tag, shared-modules.json), as the app tests use. */
export const sharedModules = {
  react: { url: '/assets/shared/react-A1.js', version: '19.3.1' },
  '@atrium/web-kernel': { url: '/assets/shared/atrium-web-kernel-C3.js', version: '0.1.0' },
};
