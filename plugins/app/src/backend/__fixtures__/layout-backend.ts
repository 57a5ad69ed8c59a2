import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuditRecord,
  coreServices,
  definePlugin,
  defineServiceFactory,
  type JsonObject,
  type PermissionPolicy,
} from '@atrium/kernel';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { appPlugin } from '../plugin.js';

/** A built web app folder: index.html with the config tag. */
export function writeAppBundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-app-bundle-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<html><head><script type="application/json" id="atrium-config">{}</script></head><body></body></html>',
  );
  return dir;
}

/** Only `user:default/admin` may `app.layout.update`; everything else is allowed. */
const onlyAdminEditsLayout: PermissionPolicy = {
  async handle({ permission }, { credentials }) {
    const p = credentials.principal;
    const isAdmin = p.type === 'user' && p.userEntityRef === 'user:default/admin';
    return permission.name === 'app.layout.update' && !isAdmin ? { result: 'DENY' } : { result: 'ALLOW' };
  },
};

/** A backend with the app plugin, a policy where only the admin edits the layout, and the audit records it wrote. */
export async function startLayoutBackend(config: JsonObject = {}): Promise<{
  backend: TestBackend;
  audit: AuditRecord[];
}> {
  const audit: AuditRecord[] = [];
  const sink = definePlugin({
    id: 'audit-probe',
    deps: { sinks: coreServices.auditSinks },
    init({ deps }) {
      deps.sinks.add({ write: async (records) => void audit.push(...records) });
    },
  });
  const policy = defineServiceFactory({
    service: coreServices.permissionPolicy,
    deps: {},
    factory: () => onlyAdminEditsLayout,
  });
  const app = (config.app ?? {}) as JsonObject;
  const backend = await startTestBackend({
    features: [appPlugin, sink, policy],
    config: { ...config, app: { bundleDir: writeAppBundle(), ...app } },
  });
  return { backend, audit };
}
