import { NotAllowedError } from '@atrium/errors';
import type {
  AuditorService,
  Credentials,
  EventsService,
  PermissionsService,
  RouteContext,
  RouteHandlers,
} from '@atrium/kernel';
import { runAudited } from '@atrium/kernel';
import type { appApi } from '../../common/app-api.js';
import { appPermissions } from '../../common/app-permissions.js';
import type { ExtensionEntry } from '../../common/frontend-state.js';
import type { Layout } from '../../common/layout.js';
import { collapseEntries } from './collapse-entries.js';
import type { LayoutStore, StoredLayout } from './layout-store.js';
import { layoutFromYaml, layoutToYaml } from './layout-yaml.js';

type Routes = (typeof appApi)['routes'];

/** Published on every save; every backend's app refreshes its frontend state from it. */
export const LAYOUT_CHANGED_TOPIC = 'app.layout.changed';

/** What the layout routes need. */
export interface LayoutRouteDeps {
  store: LayoutStore;
  /** `app.extensions` from config. */
  base: readonly ExtensionEntry[];
  permissions: PermissionsService;
  auditor: AuditorService;
  events: EventsService;
}

async function canUpdate(deps: LayoutRouteDeps, credentials: Credentials): Promise<boolean> {
  const [decision] = await deps.permissions.authorize([{ permission: appPermissions.layoutUpdate }], {
    credentials,
  });
  return decision?.result === 'ALLOW';
}

async function requireUpdate(deps: LayoutRouteDeps, credentials: Credentials, doing: string) {
  if (!(await canUpdate(deps, credentials)))
    throw new NotAllowedError(`${doing} needs the permission '${appPermissions.layoutUpdate.name}'`);
}

function actorOf(credentials: Credentials): string {
  const { principal } = credentials;
  if (principal.type === 'user') return principal.userEntityRef;
  return principal.type === 'service' ? principal.subject : 'anonymous';
}

const withBase = (deps: LayoutRouteDeps, stored: StoredLayout): Layout => ({
  base: [...deps.base],
  ...stored,
});

/** Saves as an audit event, then tells every backend (this one too) to refresh its state. */
async function save(
  deps: LayoutRouteDeps,
  context: RouteContext<Routes[keyof Routes]>,
  change: { eventId: string; overrides: ExtensionEntry[]; expectedRevision?: number },
): Promise<Layout> {
  await requireUpdate(deps, context.credentials, 'changing the portal layout');
  const stored = await runAudited(
    deps.auditor,
    {
      eventId: change.eventId,
      severityLevel: 'medium',
      request: context.request,
      meta: { entries: change.overrides.length },
    },
    () => deps.store.save(change.overrides, actorOf(context.credentials), change.expectedRevision),
    (result) => ({ meta: { revision: result.revision } }),
  );
  await deps.events.publish({ topic: LAYOUT_CHANGED_TOPIC, eventPayload: { revision: stored.revision } });
  return withBase(deps, stored);
}

/** Handlers of the layout routes: read, save, reset, export and import, all `app.layout.update`. */
export function layoutRoutes(
  deps: LayoutRouteDeps,
): Pick<
  RouteHandlers<Routes>,
  'getLayoutAccess' | 'getLayout' | 'saveLayout' | 'resetLayout' | 'exportLayout' | 'importLayout'
> {
  return {
    getLayoutAccess: async ({ credentials }) => ({ canUpdate: await canUpdate(deps, credentials) }),
    getLayout: async ({ credentials }) => {
      await requireUpdate(deps, credentials, 'reading the portal layout');
      return withBase(deps, await deps.store.get());
    },
    saveLayout: (context) =>
      save(deps, context, {
        eventId: 'layout.save',
        overrides: context.body.overrides,
        expectedRevision: context.body.expectedRevision,
      }),
    resetLayout: (context) => save(deps, context, { eventId: 'layout.reset', overrides: [] }),
    exportLayout: async ({ credentials }) => {
      await requireUpdate(deps, credentials, 'exporting the portal layout');
      const stored = await deps.store.get();
      return { yaml: layoutToYaml(collapseEntries(deps.base, stored.overrides)) };
    },
    importLayout: async (context) => {
      await requireUpdate(deps, context.credentials, 'importing a portal layout');
      const overrides = layoutFromYaml(context.body.yaml);
      return save(deps, context, {
        eventId: 'layout.import',
        overrides,
        expectedRevision: context.body.expectedRevision,
      });
    },
  };
}
