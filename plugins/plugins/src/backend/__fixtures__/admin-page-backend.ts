import { appPlugin } from '@atrium/app/backend';
import { coreServices, defineServiceFactory, type PermissionPolicy } from '@atrium/kernel';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { appFrontendSourceModule } from '../../modules/app-frontend-source/index.js';
import { pluginsPlugin } from '../plugin.js';

/** Refuses every `plugins.*` permission to `user:default/mallory` and allows the rest. */
const malloryMayNotManagePlugins: PermissionPolicy = {
  async handle({ permission }, { credentials }) {
    const principal = credentials.principal;
    const isMallory = principal.type === 'user' && principal.userEntityRef === 'user:default/mallory';
    return isMallory && permission.name.startsWith('plugins.') ? { result: 'DENY' } : { result: 'ALLOW' };
  },
};

/**
 * The backend the admin page's tests run against: the plugin manager with the app plugin and
 * its frontend source, on SQLite, with the policy that refuses mallory.
 */
export function startAdminPageBackend(plugins: {
  directory: string;
  allowedRoots: string[];
}): Promise<TestBackend> {
  return startTestBackend({
    features: [
      appPlugin,
      appFrontendSourceModule,
      pluginsPlugin,
      defineServiceFactory({
        service: coreServices.permissionPolicy,
        deps: {},
        factory: () => malloryMayNotManagePlugins,
      }),
    ],
    config: { plugins },
  });
}
