import { NotAllowedError } from '@atrium/errors';
import type {
  AuditEventOptions,
  AuditorService,
  Credentials,
  EventsService,
  InstanceMetadataService,
  Permission,
  PermissionsRegistryService,
  PermissionsService,
} from '@atrium/kernel';
import type { LivePolicy } from '../live-policy.js';
import type { PolicyStore } from '../store/policy-store.js';

/** The topic a publish is announced on, so every backend loads the new version at once. */
export const POLICY_PUBLISHED_TOPIC = 'rbac.policy.published';

/** What the route handlers share. */
export interface RbacContext {
  store: PolicyStore;
  live: LivePolicy;
  permissions: PermissionsService;
  registry: PermissionsRegistryService;
  instance: InstanceMetadataService;
  events: EventsService;
  auditor: AuditorService;
}

/** Throws unless the caller holds the permission (the policy decides; admins always do). */
export async function requirePermission(
  ctx: RbacContext,
  credentials: Credentials,
  permission: Permission,
): Promise<void> {
  const [decision] = await ctx.permissions.authorize([{ permission }], { credentials });
  if (decision?.result !== 'ALLOW')
    throw new NotAllowedError(`you need the permission '${permission.name}' for this`);
}

/** Who did it, as stored with a version or draft. */
export function actorOf(credentials: Credentials): string {
  const { principal } = credentials;
  return principal.type === 'user'
    ? principal.userEntityRef
    : principal.type === 'service'
      ? principal.subject
      : 'anonymous';
}

/** Runs a policy change as an audit event: succeeded with its target, or failed with the error. */
export async function audited<T>(
  ctx: RbacContext,
  options: {
    eventId: string;
    severityLevel: 'high' | 'critical';
    request: AuditEventOptions['request'];
    meta?: Record<string, unknown>;
  },
  change: () => Promise<T>,
  targetOf: (result: T) => string,
): Promise<T> {
  const event = await ctx.auditor.createEvent(options);
  try {
    const result = await change();
    await event.success({ target: targetOf(result) });
    return result;
  } catch (error) {
    await event.fail({ error });
    throw error;
  }
}

/** Makes a new version live here and tells the other backends. */
export async function announce(ctx: RbacContext, version: number): Promise<void> {
  await ctx.live.refresh();
  await ctx.events.publish({ topic: POLICY_PUBLISHED_TOPIC, eventPayload: { version } });
}
