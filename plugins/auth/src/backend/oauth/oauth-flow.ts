import { randomBytes } from 'node:crypto';
import { AuthenticationError, InputError, NotAllowedError, ServiceUnavailableError } from '@atrium/errors';
import type { AuditorService, LoggerService } from '@atrium/kernel';
import type { z } from 'zod';
import type {
  AuthProviderReply as FastifyReply,
  AuthProviderRequest as FastifyRequest,
  OAuthFlowInput,
  OAuthProvider,
  SignInIdentity,
} from '../auth-provider.js';
import type { CatalogUsers } from '../resolvers/catalog-users.js';
import { type resolverConfigSchema, resolveSignIn } from '../resolvers/sign-in-resolvers.js';
import type { FlowStore, PendingFlow } from '../store/flow-store.js';
import type { RefreshSessions } from '../store/refresh-sessions.js';
import { sendCallbackError, sendPopupResult } from './callback-page.js';
import { clearCookie, readCookie, setCookie } from './cookies.js';
import { checkedReturnTo } from './return-to.js';

/** A configured redirect provider with its resolvers and callback URL. */
export interface ConfiguredOAuthProvider {
  provider: OAuthProvider;
  resolvers: Array<z.output<typeof resolverConfigSchema>>;
  callbackUrl: string;
}

/** What the OAuth routes share. */
export interface OAuthFlowContext {
  flows: FlowStore;
  sessions: RefreshSessions;
  catalog: CatalogUsers;
  auditor: AuditorService;
  logger: LoggerService;
  /** `app.baseUrl`: where results go back to; also decides the cookies' Secure flag. */
  appBaseUrl: string;
  environment: string;
  refreshSessionTtlMs: number;
}

/** A sign-in has this long between /start and the callback. */
const FLOW_TTL_MS = 10 * 60_000;
const random = () => randomBytes(32).toString('base64url');

export const refreshCookieName = (provider: string) => `atrium-${provider}-refresh`;
const flowCookieName = (provider: string) => `atrium-${provider}-flow`;

/** The cookie attributes of one provider's cookies. */
export function cookieScope(ctx: OAuthFlowContext, provider: string, sub = '') {
  return { path: `/api/auth/${provider}${sub}`, secure: new URL(ctx.appBaseUrl).protocol !== 'http:' };
}

/** `GET /{provider}/start`: remembers the sign-in and sends the browser to the identity provider. */
export async function startSignIn(
  ctx: OAuthFlowContext,
  configured: ConfiguredOAuthProvider,
  query: { env?: string; flow?: 'popup' | 'redirect'; origin?: string; redirectUrl?: string },
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { provider } = configured;
  if (query.env !== undefined && query.env !== ctx.environment) {
    throw new InputError(
      `env '${query.env}' is not configured for '${provider.id}'; this backend serves '${ctx.environment}'`,
    );
  }
  const flow = query.flow ?? 'popup';
  const pending: PendingFlow = {
    state: random(),
    provider: provider.id,
    nonce: random(),
    codeVerifier: random(),
    flow,
    returnTo: checkedReturnTo(ctx.appBaseUrl, flow, query),
  };
  await ctx.flows.save(pending, FLOW_TTL_MS);
  const url = await provider.authorizationUrl(flowInput(configured, pending));
  // The state in a cookie ties the callback to this browser: a callback link sent to
  // someone else (login CSRF) has the state but not the cookie.
  setCookie(reply, flowCookieName(provider.id), pending.state, {
    ...cookieScope(ctx, provider.id, '/handler'),
    maxAgeSeconds: FLOW_TTL_MS / 1000,
  });
  return reply.header('cross-origin-opener-policy', 'unsafe-none').redirect(url.href, 302);
}

const flowInput = (configured: ConfiguredOAuthProvider, flow: PendingFlow): OAuthFlowInput => ({
  redirectUri: configured.callbackUrl,
  state: flow.state,
  nonce: flow.nonce,
  codeVerifier: flow.codeVerifier,
});

/** The pending flow of this callback: its state must be live, unused and this browser's. */
async function takeFlow(request: FastifyRequest, provider: string, flows: FlowStore): Promise<PendingFlow> {
  const state = new URL(request.url, 'http://callback').searchParams.get('state');
  if (!state) throw new InputError('the callback has no state parameter');
  if (readCookie(request, flowCookieName(provider)) !== state) {
    throw new AuthenticationError(
      'the callback does not belong to a sign-in started in this browser (state mismatch)',
    );
  }
  const flow = await flows.take(state);
  if (!flow || flow.provider !== provider) {
    throw new AuthenticationError(
      'the sign-in state is unknown, expired or already used; start the sign-in again',
    );
  }
  return flow;
}

/** `GET /{provider}/handler/frame`: checks the callback, resolves the user, starts the refresh session. */
export async function finishSignIn(
  ctx: OAuthFlowContext,
  configured: ConfiguredOAuthProvider,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { provider } = configured;
  clearCookie(reply, flowCookieName(provider.id), cookieScope(ctx, provider.id, '/handler'));
  let flow: PendingFlow;
  try {
    flow = await takeFlow(request, provider.id, ctx.flows);
  } catch (error) {
    await (await audit(ctx, request, provider.id)).fail({ error, meta: { provider: provider.id } });
    return sendCallbackError(reply, 400, (error as Error).message);
  }
  const event = await audit(ctx, request, provider.id);
  try {
    const callbackUrl = new URL(configured.callbackUrl);
    callbackUrl.search = new URL(request.url, 'http://callback').search;
    const profile = await provider.handleCallback(callbackUrl, flowInput(configured, flow));
    const identity = await resolveSignIn(configured.resolvers, profile, ctx.catalog);
    const secret = await ctx.sessions.start({
      provider: provider.id,
      profile,
      userEntityRef: identity.userEntityRef,
      ttlMs: ctx.refreshSessionTtlMs,
    });
    setCookie(reply, refreshCookieName(provider.id), secret, {
      ...cookieScope(ctx, provider.id),
      maxAgeSeconds: Math.floor(ctx.refreshSessionTtlMs / 1000),
    });
    await event.success({
      target: identity.userEntityRef,
      meta: { provider: provider.id, subject: profile.subject },
    });
    return answer(reply, flow, { type: 'atrium-sign-in', provider: provider.id, ok: true });
  } catch (error) {
    await event.fail({ error, meta: { provider: provider.id } });
    const shown = shownError(error);
    if (!shown) ctx.logger.error(`sign-in with '${provider.id}' failed`, error as Error);
    const reported = shown ?? { name: 'Error', message: 'the sign-in failed on the server; see its log' };
    return answer(reply, flow, { type: 'atrium-sign-in', provider: provider.id, ok: false, error: reported });
  }
}

/** Errors that explain themselves to the person signing in; anything else stays in the log (no stack traces on pages). */
function shownError(error: unknown): { name: string; message: string } | undefined {
  const known = [AuthenticationError, NotAllowedError, InputError, ServiceUnavailableError];
  if (!known.some((type) => error instanceof type)) return undefined;
  return { name: (error as Error).name, message: (error as Error).message };
}

const audit = (ctx: OAuthFlowContext, request: FastifyRequest, provider: string) =>
  ctx.auditor.createEvent({ eventId: 'signin', severityLevel: 'medium', request, meta: { provider } });

/** Popup: a page that posts the result to the app; redirect: back to the app, with the reason on failure. */
function answer(reply: FastifyReply, flow: PendingFlow, message: Parameters<typeof sendPopupResult>[2]) {
  if (flow.flow === 'popup') return sendPopupResult(reply, flow.returnTo, message);
  const target = new URL(flow.returnTo);
  if (!message.ok) target.searchParams.set('signInError', message.error.message);
  else target.searchParams.set('signedIn', message.provider);
  return reply.header('cache-control', 'no-store').redirect(target.href, 302);
}

/** A refresh: the cookie's session, for this provider, resolved again (a removed User cannot refresh). */
export async function refreshSignIn(
  ctx: OAuthFlowContext,
  configured: ConfiguredOAuthProvider,
  request: FastifyRequest,
): Promise<SignInIdentity> {
  const secret = readCookie(request, refreshCookieName(configured.provider.id));
  if (!secret) throw new AuthenticationError(`no '${configured.provider.id}' sign-in session; sign in again`);
  const session = await ctx.sessions.find(secret, configured.provider.id);
  if (!session) {
    throw new AuthenticationError(
      `the '${configured.provider.id}' sign-in session has ended or is unknown; sign in again`,
    );
  }
  const identity = await resolveSignIn(configured.resolvers, session.profile, ctx.catalog);
  if (identity.userEntityRef !== session.userEntityRef)
    await ctx.sessions.touch(session.id, identity.userEntityRef);
  return identity;
}

/** Sign-out: revokes the cookie's refresh session (on every backend) and clears the cookie. */
export async function endRefreshSession(
  ctx: OAuthFlowContext,
  provider: string,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const secret = readCookie(request, refreshCookieName(provider));
  if (secret) await ctx.sessions.revoke(secret);
  clearCookie(reply, refreshCookieName(provider), cookieScope(ctx, provider));
}
