import { z } from 'zod';

/** What the backend's app plugin pushes: the bundles to load and the effective `app.extensions`. */
export const liveFrontendStateSchema = z.object({
  revision: z.string(),
  features: z.array(z.object({ name: z.string(), url: z.string() })),
  extensions: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])),
});

/** See {@link liveFrontendStateSchema}. */
export type LiveFrontendState = z.infer<typeof liveFrontendStateSchema>;

/** The part of `EventSource` the client uses, so tests can give their own. */
export interface StateEventSource {
  addEventListener(type: 'state', listener: (event: { data: string }) => void): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  close(): void;
}

/** Options of {@link subscribeFrontendState}. */
export interface SubscribeFrontendStateOptions {
  url?: string;
  open?: (url: string) => StateEventSource;
  /** First reconnect delay; doubles per failure up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A pushed state that is not valid; it is skipped. */
  onInvalid?: (error: unknown) => void;
}

const openEventSource = (url: string) => new EventSource(url) as unknown as StateEventSource;

/**
 * Follows `GET /api/app/frontend-state/stream`, calling `onState` with each state. A dropped
 * connection is reopened after a delay that doubles per failure (1 s up to 30 s by default),
 * and is reset once a state arrives. Returns the stop.
 *
 * @example
 * const stop = subscribeFrontendState((state) => live.apply(state));
 */
export function subscribeFrontendState(
  onState: (state: LiveFrontendState) => void,
  options: SubscribeFrontendStateOptions = {},
): () => void {
  const url = options.url ?? '/api/app/frontend-state/stream';
  const open = options.open ?? openEventSource;
  const initial = options.initialDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30_000;
  let delay = initial;
  let source: StateEventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const connect = () => {
    source = open(url);
    source.addEventListener('state', (event) => {
      delay = initial;
      let parsed: ReturnType<typeof liveFrontendStateSchema.safeParse>;
      try {
        parsed = liveFrontendStateSchema.safeParse(JSON.parse(event.data));
      } catch (error) {
        options.onInvalid?.(error);
        return;
      }
      if (parsed.success) onState(parsed.data);
      else options.onInvalid?.(parsed.error);
    });
    // EventSource retries on its own at a fixed pace; the backoff is ours instead.
    source.addEventListener('error', () => {
      source?.close();
      if (stopped) return;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, max);
    });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
