import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type Latency, latencyOf } from './measure-search.js';

/**
 * Times the search queries this process's HTTP server answers (the backend runs in the
 * bench's process), from the parsed request to the response handed to the socket, until
 * the returned function is called. Set beside the clients' figures, it tells the backend's
 * share of a latency from the load generator's own (its event loop and GC).
 */
export function timeServerQueries(): () => Latency {
  const started = new WeakMap<IncomingMessage, number>();
  const samples: number[] = [];
  const onStart = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    if (request.url?.startsWith('/api/search/query')) started.set(request, performance.now());
  };
  const onFinish = (message: unknown) => {
    const at = started.get((message as { request: IncomingMessage }).request);
    if (at !== undefined) samples.push(performance.now() - at);
  };
  subscribe('http.server.request.start', onStart);
  subscribe('http.server.response.finish', onFinish);
  return () => {
    unsubscribe('http.server.request.start', onStart);
    unsubscribe('http.server.response.finish', onFinish);
    return latencyOf(samples);
  };
}
