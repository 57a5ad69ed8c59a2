import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person the test identity provider signs in. */
export interface TestOidcAccount {
  sub: string;
  email?: string;
  name?: string;
  preferredUsername?: string;
}

/** A real OpenID provider (`oidc-provider`) on loopback, for sign-in tests and benches. */
export interface TestOidcProvider {
  /** The issuer, e.g. `http://127.0.0.1:41234`; also the metadata URL's base. */
  issuer: string;
  metadataUrl: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorization signs in (there is no login form: the test decides). */
  signInAs(account: TestOidcAccount): void;
  stop(): Promise<void>;
}

/** The provider: one confidential client, PKCE required, claims from `accounts`, interactions at /interaction/:uid. */
function createProvider(
  issuer: string,
  client: { clientId: string; clientSecret: string; redirectUris: string[] },
  accounts: Map<string, TestOidcAccount>,
): Provider {
  return new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    pkce: { required: () => true },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
      Grant: 3600,
      Interaction: 600,
      Session: 3600,
    },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.email !== undefined,
          name: account.name,
          preferred_username: account.preferredUsername,
        }),
      };
    },
  });
}

/**
 * Starts `oidc-provider` with one confidential client (PKCE required) whose redirect URIs
 * are `redirectUris`. Its interaction step signs in the account last given to `signInAs`
 * and grants the requested scopes, so a browser or an HTTP client only follows redirects.
 *
 * @example
 * const idp = await startTestOidcProvider({ redirectUris: ['http://127.0.0.1:7007/api/auth/oidc/handler/frame'] });
 * idp.signInAs({ sub: 'ada', email: 'ada@example.com', name: 'Ada' });
 */
export async function startTestOidcProvider(options: { redirectUris: string[] }): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestOidcAccount>();
  let current: TestOidcAccount | undefined;
  const clientId = 'atrium';
  const clientSecret = randomBytes(24).toString('base64url');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = createProvider(
    issuer,
    { clientId, clientSecret, redirectUris: options.redirectUris },
    accounts,
  );
  const callback = provider.callback();
  async function interact(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (!current)
      throw new Error('the test identity provider has no account to sign in; call signInAs first');
    accounts.set(current.sub, current);
    const grant = new provider.Grant({ accountId: current.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: current.sub }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res).catch((error: Error) => {
        res.statusCode = 500;
        res.end(error.message);
      });
      return;
    }
    callback(req, res);
  });
  return {
    issuer,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    signInAs(account) {
      current = account;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
