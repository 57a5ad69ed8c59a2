import {
  type AuditorService,
  coreServices,
  definePlugin,
  defineServiceFactory,
  type JsonObject,
  type PermissionPolicy,
} from '@atrium/kernel';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { auditPlugin } from '../plugin.js';

/** A plugin that hands out its auditor, so tests record events as any plugin would. */
export function createAuditProbe(pluginId = 'probe') {
  let auditor: AuditorService | undefined;
  const plugin = definePlugin({
    id: pluginId,
    deps: { auditor: coreServices.auditor },
    init({ deps }) {
      auditor = deps.auditor;
    },
  });
  return {
    plugin,
    auditor: () => {
      if (!auditor) throw new Error(`plugin '${pluginId}' has not started`);
      return auditor;
    },
  };
}

/** A policy that refuses `audit.event.read` to `user:default/mallory` and allows the rest. */
export const malloryMayNotReadAudit: PermissionPolicy = {
  async handle({ permission }, { credentials }) {
    const principal = credentials.principal;
    const isMallory = principal.type === 'user' && principal.userEntityRef === 'user:default/mallory';
    return isMallory && permission.name === 'audit.event.read' ? { result: 'DENY' } : { result: 'ALLOW' };
  },
};

/**
 * A test backend with the audit plugin, the probe and the policy that refuses mallory,
 * writing records after 5 ms; `audit` config is merged over that.
 */
export function startAuditBackend(
  probe: ReturnType<typeof createAuditProbe>,
  audit: JsonObject = {},
): Promise<TestBackend> {
  return startTestBackend({
    features: [
      auditPlugin,
      probe.plugin,
      defineServiceFactory({
        service: coreServices.permissionPolicy,
        deps: {},
        factory: () => malloryMayNotReadAudit,
      }),
    ],
    config: { audit: { flushDelay: { milliseconds: 5 }, ...audit } },
  });
}
