import { NotFoundError } from '@atrium/errors';
import type { RouteHandlers } from '@atrium/kernel';
import { type rbacApi, rbacPermissions } from '../../common/index.js';
import { diffPolicies } from '../diff-policies.js';
import { policyToYaml } from '../policy-file.js';
import type { StoredVersion } from '../store/policy-store.js';
import { actorOf, announce, audited, type RbacContext, requirePermission } from './rbac-context.js';

type Handlers = RouteHandlers<(typeof rbacApi)['routes']>;

const summary = ({ policy: _policy, ...rest }: StoredVersion) => rest;

async function liveDraft(ctx: RbacContext) {
  const draft = await ctx.store.getDraft();
  if (draft) return draft;
  // Nobody has edited since the last publish: the draft is the live policy.
  const live = await ctx.store.getLatest();
  return {
    policy: live?.policy ?? { roles: [] },
    baseVersion: live?.version ?? null,
    updatedAt: null,
    updatedBy: null,
  };
}

async function versionOrThrow(ctx: RbacContext, version: number): Promise<StoredVersion> {
  const found = await ctx.store.getVersion(version);
  if (!found) throw new NotFoundError(`policy version ${version} does not exist`);
  return found;
}

type Caller = Parameters<typeof actorOf>[0];

/** Handlers of the live policy and its export. */
export function policyRoutes(ctx: RbacContext): Pick<Handlers, 'getLivePolicy' | 'exportPolicy'> {
  const read = (credentials: Caller) => requirePermission(ctx, credentials, rbacPermissions.policyRead);
  return {
    async getLivePolicy({ credentials }) {
      await read(credentials);
      return { version: (await ctx.store.getLatest()) ?? null };
    },
    async exportPolicy({ credentials, reply }) {
      await read(credentials);
      const live = await ctx.store.getLatest();
      reply
        .type('application/yaml; charset=utf-8')
        .header('content-disposition', `attachment; filename="rbac-policy-v${live?.version ?? 0}.yaml"`)
        .send(policyToYaml(live?.policy ?? { roles: [] }));
      return undefined;
    },
  };
}

/** Handlers of the draft and publishing it. */
export function draftRoutes(
  ctx: RbacContext,
): Pick<Handlers, 'getDraft' | 'updateDraft' | 'diffDraft' | 'publishDraft'> {
  const read = (credentials: Caller) => requirePermission(ctx, credentials, rbacPermissions.policyRead);
  const write = (credentials: Caller) => requirePermission(ctx, credentials, rbacPermissions.policyWrite);
  return {
    async getDraft({ credentials }) {
      await read(credentials);
      return liveDraft(ctx);
    },
    async updateDraft({ credentials, body, request }) {
      await write(credentials);
      return audited(
        ctx,
        {
          eventId: 'draft.update',
          severityLevel: 'high',
          request,
          meta: { roles: body.policy.roles.length },
        },
        async () =>
          ctx.store.saveDraft({
            policy: body.policy,
            baseVersion: await ctx.store.latestVersionNumber(),
            by: actorOf(credentials),
          }),
        () => 'draft',
      );
    },
    async diffDraft({ credentials }) {
      await read(credentials);
      const [draft, live] = await Promise.all([liveDraft(ctx), ctx.store.getLatest()]);
      return diffPolicies(live?.policy, draft.policy, { from: live?.version ?? null, to: 'draft' });
    },
    async publishDraft({ credentials, body, request }) {
      await write(credentials);
      const version = await audited(
        ctx,
        { eventId: 'policy.publish', severityLevel: 'critical', request, meta: { source: 'ui' } },
        async () => {
          const draft = await liveDraft(ctx);
          const published = await ctx.store.publish({
            policy: draft.policy,
            by: actorOf(credentials),
            source: 'ui',
            message: body.message,
          });
          return published!;
        },
        (published) => `version ${published.version}`,
      );
      await announce(ctx, version.version);
      return summary(version);
    },
  };
}

/** Handlers of the version history: list, read, diff, restore. */
export function versionRoutes(
  ctx: RbacContext,
): Pick<Handlers, 'listVersions' | 'getVersion' | 'diffVersion' | 'restoreVersion'> {
  return {
    async listVersions({ credentials }) {
      await requirePermission(ctx, credentials, rbacPermissions.policyRead);
      return { items: await ctx.store.listVersions() };
    },
    async getVersion({ credentials, params }) {
      await requirePermission(ctx, credentials, rbacPermissions.policyRead);
      return versionOrThrow(ctx, params.version);
    },
    async diffVersion({ credentials, params, query }) {
      await requirePermission(ctx, credentials, rbacPermissions.policyRead);
      const to = await versionOrThrow(ctx, params.version);
      const againstNumber = query.against ?? (params.version > 1 ? params.version - 1 : undefined);
      const against = againstNumber === undefined ? undefined : await versionOrThrow(ctx, againstNumber);
      return diffPolicies(against?.policy, to.policy, { from: against?.version ?? null, to: to.version });
    },
    async restoreVersion({ credentials, params, request }) {
      await requirePermission(ctx, credentials, rbacPermissions.policyWrite);
      const old = await versionOrThrow(ctx, params.version);
      const version = await audited(
        ctx,
        {
          eventId: 'policy.restore',
          severityLevel: 'critical',
          request,
          meta: { restoredVersion: old.version },
        },
        async () =>
          (await ctx.store.publish({
            policy: old.policy,
            by: actorOf(credentials),
            source: 'restore',
            message: `restored version ${old.version}`,
          }))!,
        (published) => `version ${published.version}`,
      );
      await announce(ctx, version.version);
      return summary(version);
    },
  };
}
