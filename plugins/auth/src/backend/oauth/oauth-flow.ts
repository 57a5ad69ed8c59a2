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
  /** How long a replaced refresh secret still refreshes (without rotating again): concurrent tabs. */
  refreshReuseGraceMs: number;
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

/**
 * A refresh: the cookie's session, for this provider, resolved again (a removed User
 * cannot refresh). The cookie's secret is rotated: the answer sets a new one and the old
 * one is spent. A spent secret shown again after the grace period is a replay (someone
 * kept a copy): the whole session family ends, for the thief and the victim alike.
 */
export async function refreshSignIn(
  ctx: OAuthFlowContext,
  configured: ConfiguredOAuthProvider,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<SignInIdentity> {
  const id = configured.provider.id;
  const secret = readCookie(request, refreshCookieName(id));
  if (!secret) throw new AuthenticationError(`no '${id}' sign-in session; sign in again`);
  const found = await ctx.sessions.find(secret, id, ctx.refreshReuseGraceMs);
  if (!found)
    throw new AuthenticationError(`the '${id}' sign-in session has ended or is unknown; sign in again`);
  if (found.state === 'replayed') {
    const error = new AuthenticationError(
      `this '${id}' refresh cookie was already used and replaced; the sign-in session has been ended everywhere as a precaution; sign in again`,
    );
    const event = await ctx.auditor.createEvent({
      eventId: 'refresh.replayed',
      severityLevel: 'high',
      request,
      meta: { provider: id },
    });
    await event.fail({ error, target: found.userEntityRef });
    clearCookie(reply, refreshCookieName(id), cookieScope(ctx, id));
    throw error;
  }
  const identity = await resolveSignIn(configured.resolvers, found.session.profile, ctx.catalog);
  if (found.state === 'current') {
    const next = await ctx.sessions.rotate(found.session, identity.userEntityRef);
    if (next) {
      setCookie(reply, refreshCookieName(id), next, {
        ...cookieScope(ctx, id),
        maxAgeSeconds: Math.max(1, Math.floor((found.session.expiresAt - Date.now()) / 1000)),
      });
    }
  }
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
