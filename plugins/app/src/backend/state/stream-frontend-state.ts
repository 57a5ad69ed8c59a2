import type { RouteHandler } from '@atrium/kernel';
import type { appApi } from '../../common/app-api.js';
import type { FrontendState } from '../../common/frontend-state.js';
import type { FrontendStateHub } from './frontend-state-hub.js';

const HEARTBEAT_MS = 25_000;
type Routes = typeof appApi.routes;

const stateEvent = (state: FrontendState) => `event: state\ndata: ${JSON.stringify(state)}\n\n`;

/** The stream route, and a way to end every open stream at shutdown. */
export interface FrontendStateStream {
  handler: RouteHandler<Routes['streamFrontendState']>;
  closeAll(): void;
}

/**
 * Handles `GET /frontend-state/stream`: the current state at once, then every new one, and a
 * comment line now and then so proxies keep the connection open. It ends when the browser
 * goes or the backend stops (the browser reconnects, to another backend if need be).
 */
export function createFrontendStateStream(hub: FrontendStateHub): FrontendStateStream {
  const open = new Set<{ end(): void }>();
  const handler: FrontendStateStream['handler'] = async ({ reply }) => {
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    response.write(stateEvent(hub.current()));
    open.add(response);
    const unsubscribe = hub.subscribe((state) => response.write(stateEvent(state)));
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    await new Promise<void>((resolve) => response.once('close', resolve));
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(response);
    return undefined;
  };
  return {
    handler,
    closeAll() {
      for (const response of open) response.end();
    },
  };
}
