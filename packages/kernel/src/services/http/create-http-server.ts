import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { RootHealth } from '../health/health-service.js';
import type { LoggerService } from '../logger/logger-service.js';
import type { RootMetrics } from '../metrics/metrics-service.js';
import type { BackendConfig } from './http-config.js';
import { type DurationHook, registerRequestDurationMetric } from './request-duration-metric.js';
import { applyRequestHandling, fastifyOptions } from './request-handling.js';
import { buildSecurityHeaders } from './security-headers.js';

/** The backend's HTTP server. */
export interface HttpServer {
  readonly fastify: FastifyInstance;
  /** The request-duration hook for a context whose requests count for `plugin`. */
  durationHook(plugin: string): DurationHook;
  listen(): Promise<{ host: string; port: number }>;
  /** Stops accepting connections and waits for requests in flight. */
  close(): Promise<void>;
}

/**
 * Creates the Fastify server with the uniform error JSON and health endpoints. Plugins
 * and `/metrics` (which needs the token engine) are mounted by the kernel before it listens.
 */
export async function createHttpServer(options: {
  config: BackendConfig;
  logger: LoggerService;
  health: RootHealth;
  metrics: RootMetrics;
  includeStackInErrors: boolean;
}): Promise<HttpServer> {
  const { config, logger, health, metrics } = options;
  const fastify = Fastify({
    ...fastifyOptions(config),
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  const durationHook = registerRequestDurationMetric(metrics.registry);

  let closing = false;
  // Every answer (app, API, 404, errors) carries the security headers. Set before any
  // route runs, so a route that needs another value simply sets its own.
  // Hooks in callback style: an async hook costs a promise per request on the hot path.
  const securityHeaders = Object.fromEntries(buildSecurityHeaders(config.baseUrl, config.csp));
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  // Draining: answers still in flight tell keep-alive clients to hang up, so close() can finish.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  applyRequestHandling(fastify, { logger, includeStackInErrors: options.includeStackInErrors });

  if (config.cors) {
    const { default: cors } = await import('@fastify/cors');
    await fastify.register(cors, {
      origin: config.cors.origin ?? false,
      methods: config.cors.methods,
      credentials: config.cors.credentials,
    });
  }

  const rootRoute = { onResponse: durationHook('-') };
  fastify.get('/.well-known/health/live', rootRoute, async () => ({ status: 'ok' }));
  const ready = async (_: unknown, reply: FastifyReply) => {
    const state = await health.readiness();
    return reply.code(state.status === 'ok' ? 200 : 503).send(state);
  };
  fastify.get('/.well-known/health/ready', rootRoute, ready);
  // Backstage's paths, so existing probes keep working.
  fastify.get('/.backstage/health/v1/liveness', rootRoute, async () => ({ status: 'ok' }));
  fastify.get('/.backstage/health/v1/readiness', rootRoute, ready);

  return {
    fastify,
    durationHook,
    async listen() {
      await fastify.listen({ host: config.listen.host, port: config.listen.port });
      const address = fastify.server.address();
      const port = typeof address === 'object' && address ? address.port : config.listen.port;
      return { host: config.listen.host, port };
    },
    async close() {
      closing = true;
      await fastify.close();
      // Requests in flight have finished; keep-alive sockets would otherwise linger.
      fastify.server.closeAllConnections();
    },
  };
}
