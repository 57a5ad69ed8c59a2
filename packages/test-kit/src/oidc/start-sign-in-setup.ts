import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendFeatureInput, JsonObject } from '@atrium/kernel';
import { freePort } from '../free-port.js';
import { startTestBackend, type TestBackend } from '../start-test-backend.js';
import { createRedirectClient, type RedirectClient } from './redirect-client.js';
import {
  startTestOidcProvider,
  type TestOidcAccount,
  type TestOidcProvider,
} from './start-test-oidc-provider.js';

/** The people and teams of the test catalog. */
export const testPeople = {
  ada: { sub: 'ada-sub', email: 'ada@example.com', name: 'Ada Lovelace', preferredUsername: 'ada' },
  grace: {
    sub: 'grace-sub',
    email: 'Grace@Corp.example',
    name: 'Grace Hopper',
    preferredUsername: 'ghopper',
  },
  stranger: { sub: 'stranger-sub', email: 'nobody@example.com', name: 'No Body' },
} satisfies Record<string, TestOidcAccount>;

const entities = [
  { kind: 'Group', metadata: { name: 'org' }, spec: { type: 'organization', children: ['team-a'] } },
  { kind: 'Group', metadata: { name: 'team-a' }, spec: { type: 'team', parent: 'org', children: [] } },
  { kind: 'Group', metadata: { name: 'unrelated' }, spec: { type: 'team', children: [] } },
  {
    kind: 'User',
    metadata: { name: 'ada' },
    spec: { profile: { email: 'ada@example.com', displayName: 'Ada' }, memberOf: ['team-a'] },
  },
  {
    kind: 'User',
    metadata: { name: 'grace', annotations: { 'google.com/email': 'grace@corp.example' } },
    spec: { profile: { email: 'grace.h@example.com' }, memberOf: [] },
  },
];

/** Writes the test catalog (two teams under an org, Ada and Grace) as one YAML (JSON) file. */
export async function writeTestOrg(dir: string, without: string[] = []): Promise<string> {
  const file = join(dir, 'org.yaml');
  const kept = entities.filter((e) => !without.includes(e.metadata.name));
  await writeFile(
    file,
    kept.map((e) => JSON.stringify({ apiVersion: 'backstage.io/v1alpha1', ...e })).join('\n---\n'),
  );
  return file;
}

/** Backends with the auth plugin (OIDC against a real test identity provider) and the real catalog. */
export interface SignInSetup {
  idp: TestOidcProvider;
  backends: TestBackend[];
  /** `app.baseUrl` (the first backend's URL). */
  appUrl: string;
  /** The folder of the catalog file: `writeTestOrg(dir, ['ada'])` removes Ada. */
  dir: string;
  /** Signs `account` in through the redirect flow with a fresh client; answers the client and the hops. */
  signIn(account: TestOidcAccount, backend?: TestBackend): Promise<{ client: RedirectClient; landed: URL }>;
  refresh(client: RedirectClient, backend?: TestBackend, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

export const xhr = { 'x-requested-with': 'XMLHttpRequest' };

type SetupOptions = Parameters<typeof startSignInSetup>[0];

/** `auth.providers.oauth2.<env>` on the identity provider's plain OAuth endpoints; a null in `overrides` drops a key. */
function oauth2Config(idp: TestOidcProvider, overrides: JsonObject): JsonObject {
  const merged: JsonObject = {
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    authorizationUrl: `${idp.issuer}/auth`,
    tokenUrl: `${idp.issuer}/token`,
    userInfoUrl: `${idp.issuer}/me`,
    scope: 'openid profile email',
    includeBasicAuth: true,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== null)) as JsonObject;
}

// The same client serves the OIDC provider and, with `oauth2`, the generic OAuth2 one.
const redirectUrisOf = (ports: number[]) =>
  ports.flatMap((port) =>
    ['oidc', 'oauth2'].map((id) => `http://127.0.0.1:${port}/api/auth/${id}/handler/frame`),
  );

/** One backend's config: listens on `port`, the shared app URL, OIDC at `idp`, the catalog reading `file`. */
function backendConfig(
  port: number,
  appUrl: string,
  idp: TestOidcProvider,
  dir: string,
  file: string,
  options: SetupOptions,
): JsonObject {
  return {
    app: { baseUrl: appUrl },
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { host: '127.0.0.1', port },
      ...(options.database ? { database: options.database } : {}),
    },
    auth: {
      ...options.auth,
      providers: {
        ...(options.auth?.providers as JsonObject | undefined),
        oidc: {
          development: {
            metadataUrl: idp.metadataUrl,
            clientId: idp.clientId,
            clientSecret: idp.clientSecret,
            ...options.oidc,
          },
        },
        ...(options.oauth2 ? { oauth2: { development: oauth2Config(idp, options.oauth2) } } : {}),
      },
    },
    catalog: {
      locations: [{ type: 'file', target: file }],
      allowedFileRoots: [dir],
      rules: [{ allow: ['User', 'Group', 'Location'] }],
      processing: { pollInterval: { milliseconds: 50 } },
    },
  };
}

/**
 * Starts the test identity provider and `count` backends on one database, all with the
 * same `app.baseUrl` (the first one) and OIDC config.
 */
export async function startSignInSetup(options: {
  /** The auth and catalog plugins (test-kit depends on no plugin). */
  features: readonly BackendFeatureInput[];
  count?: number;
  database?: JsonObject;
  /** Merged into `auth.providers.oidc.development` (e.g. `signIn.resolvers`). */
  oidc?: JsonObject;
  /** Merged into `auth` (e.g. `session`). */
  auth?: JsonObject;
  /**
   * Also configures `auth.providers.oauth2.development` against the same identity
   * provider's plain OAuth 2.0 endpoints (authorize, token, userinfo), merged with this
   * (a null drops a key, e.g. `userInfoUrl: null`).
   */
  oauth2?: JsonObject;
}): Promise<SignInSetup> {
  const ports = await Promise.all(Array.from({ length: options.count ?? 1 }, () => freePort()));
  const appUrl = `http://127.0.0.1:${ports[0]}`;
  const idp = await startTestOidcProvider({
    redirectUris: redirectUrisOf(ports),
  });
  const dir = await mkdtemp(join(tmpdir(), 'atrium-sign-in-'));
  const file = await writeTestOrg(dir);
  const backends: TestBackend[] = [];
  for (const port of ports) {
    backends.push(
      await startTestBackend({
        features: options.features,
        config: backendConfig(port, appUrl, idp, dir, file, options),
      }),
    );
  }
  const first = backends[0] as TestBackend;
  await waitForCatalog(first, ['user/default/ada', 'user/default/grace', 'group/default/org']);
  const refresh = (client: RedirectClient, backend = first, headers: Record<string, string> = xhr) =>
    client.fetch(`${backend.url}/api/auth/oidc/refresh`, { headers });
  return {
    idp,
    backends,
    appUrl,
    dir,
    async signIn(account, backend = first) {
      idp.signInAs(account);
      const client = createRedirectClient();
      const hops = await client.follow(`${backend.url}/api/auth/oidc/start?env=development&flow=redirect`, {
        stopAt: (next) => next.origin === appUrl && !next.pathname.startsWith('/api/'),
      });
      const last = hops[hops.length - 1];
      if (!last?.location)
        throw new Error(`the sign-in did not come back to the app: ${JSON.stringify(hops)}`);
      return { client, landed: new URL(last.location, last.url) };
    },
    refresh,
    async stop() {
      await Promise.all(backends.map((b) => b.stop()));
      await idp.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForCatalog(backend: TestBackend, paths: string[]): Promise<void> {
  const token = await backend.serviceToken('catalog');
  for (const path of paths) {
    for (let attempt = 0; ; attempt++) {
      if ((await backend.fetch(`/api/catalog/entities/by-name/${path}`, { token })).status === 200) break;
      if (attempt > 300) throw new Error(`the catalog never served ${path}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
