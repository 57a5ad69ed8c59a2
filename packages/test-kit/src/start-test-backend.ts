import {
  type AuthService,
  type BackendFeatureInput,
  coreServices,
  createBackend,
  definePlugin,
  type JsonObject,
  type LoggerService,
  mergeConfig,
  type UserTokensService,
} from '@atrium/kernel';
import { createCaptureLogger } from './capture-logger.js';

/** Options for {@link startTestBackend}. */
export interface TestBackendOptions {
  features: readonly BackendFeatureInput[];
  /** Config merged over the test defaults (random port, in-memory SQLite). */
  config?: JsonObject;
  logger?: LoggerService;
  /** Config files to load; none by default, so the repository's app-config.yaml is not read. */
  configPaths?: readonly string[];
  /** Environment the kernel sees (`NODE_ENV`, `APP_CONFIG_*`); `{ NODE_ENV: 'test' }` by default. */
  env?: Record<string, string | undefined>;
}

/** The status and parsed JSON body of {@link TestBackend.json}. */
export interface JsonAnswer<T> {
  status: number;
  body: T;
}

/** A running test backend. */
export interface TestBackend {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  port: number;
  /** A user token for `user:default/<name>` (default `test-user`). */
  userToken(userEntityRef?: string, ownershipEntityRefs?: string[]): Promise<string>;
  /** A token that a plugin would use to call `targetPluginId` on its own behalf. */
  serviceToken(targetPluginId: string): Promise<string>;
  /** `fetch` against the backend with an optional token. */
  fetch(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  /**
   * A JSON call: `body` (when given) is sent as JSON, and the answer's JSON comes back with
   * its status (`undefined` for an empty body).
   */
  // biome-ignore lint/suspicious/noExplicitAny: a test reads the answer as it expects it.
  json<T = any>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown },
  ): Promise<JsonAnswer<T>>;
  stop(): Promise<void>;
}

const defaults: JsonObject = {
  backend: {
    baseUrl: 'http://localhost:7007',
    listen: { host: '127.0.0.1', port: 0 },
    database: { client: 'better-sqlite3', connection: ':memory:' },
    scheduler: { pollInterval: { milliseconds: 50 } },
    shutdown: { timeout: { seconds: 5 } },
  },
};

/** `fetch` against `url` with an optional bearer token. */
function sender(url: string): TestBackend['fetch'] {
  return (path, init = {}) => {
    const { token, headers, ...rest } = init;
    const merged = new Headers(headers);
    if (token) merged.set('authorization', `Bearer ${token}`);
    return fetch(`${url}${path}`, { ...rest, headers: merged });
  };
}

/** JSON in and out over `send`; a body that is not JSON fails naming the call. */
function jsonCaller(send: TestBackend['fetch']): TestBackend['json'] {
  return async (method, path, { token, body } = {}) => {
    const response = await send(path, {
      method,
      token,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    try {
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    } catch {
      throw new Error(
        `${method} ${path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
      );
    }
  };
}

/**
 * Starts a real backend on a random loopback port with in-memory SQLite, plus token
 * helpers. Every core service is the real one; tests override a service by adding a
 * factory to `features`.
 *
 * @example
 * const backend = await startTestBackend({ features: [todoPlugin] });
 * const res = await backend.fetch('/api/todo/todos', { token: await backend.userToken() });
 */
export async function startTestBackend(options: TestBackendOptions): Promise<TestBackend> {
  let tokens: UserTokensService | undefined;
  let auth: AuthService | undefined;
  const tokenPlugin = definePlugin({
    id: 'test-kit',
    deps: { tokens: coreServices.userTokens, auth: coreServices.auth },
    init({ deps }) {
      tokens = deps.tokens;
      auth = deps.auth;
    },
  });
  const backend = createBackend({
    configPaths: options.configPaths ?? [],
    config: mergeConfig(defaults, options.config ?? {}),
    logger: options.logger ?? createCaptureLogger(),
    env: options.env ?? { NODE_ENV: 'test' },
  });
  for (const feature of options.features) backend.add(feature);
  backend.add(tokenPlugin);
  const { url, port } = await backend.start();
  const send = sender(url);
  return {
    url,
    port,
    async userToken(userEntityRef = 'user:default/test-user', ownershipEntityRefs) {
      const issued = await tokens!.issueUserToken({
        userEntityRef,
        ownershipEntityRefs: ownershipEntityRefs ?? [userEntityRef],
      });
      return issued.token;
    },
    async serviceToken(targetPluginId) {
      const { token } = await auth!.getPluginRequestToken({
        onBehalfOf: auth!.getOwnServiceCredentials(),
        targetPluginId,
      });
      return token;
    },
    fetch: send,
    json: jsonCaller(send),
    stop: () => backend.stop(),
  };
}
