import { coreServices, definePlugin } from '@atrium/kernel';
import { templatingErrorCodes } from '@atrium/templating';
import { scaffolderApi, scaffolderErrorCodes, scaffolderPermissionList } from '../common/index.js';
import { scaffolderConfigSchema } from './config.js';
import { createScaffolderContext } from './create-scaffolder-context.js';
import {
  scaffolderActionsPoint,
  scaffolderAutocompletePoint,
  scaffolderTemplatingPoint,
} from './extension-points.js';
import { createDryRunHandler } from './routes/dry-run.js';
import { createEventStreamHandler } from './routes/event-stream.js';
import { createTaskHandlers } from './routes/task-routes.js';
import { createTemplateFilesHandler } from './routes/template-files.js';
import { createInfoHandlers } from './routes/template-routes.js';
import { setUpTaskWorker } from './start-task-worker.js';
import { scaffolderMigrations } from './store/migrations.js';

const SHUTDOWN_GRACE_MS = 5000;

/**
 * The scaffolder: runs software templates (Backstage `scaffolder.backstage.io/v1beta3`)
 * as durable tasks with live logs, at `/api/scaffolder`. Modules add actions,
 * autocomplete providers and templating filters through its extension points.
 */
export const scaffolderPlugin = definePlugin({
  id: 'scaffolder',
  description: 'Software templates: durable tasks, built-in actions, live logs and dry runs',
  config: scaffolderConfigSchema,
  deps: {
    auditor: coreServices.auditor,
    http: coreServices.httpRouter,
    database: coreServices.database,
    logger: coreServices.logger,
    auth: coreServices.auth,
    discovery: coreServices.discovery,
    urlReader: coreServices.urlReader,
    permissions: coreServices.permissions,
    permissionsRegistry: coreServices.permissionsRegistry,
    scheduler: coreServices.scheduler,
    workQueue: coreServices.workQueue,
  },
  permissions: scaffolderPermissionList,
  migrations: scaffolderMigrations,
  apis: [scaffolderApi],
  errorCodes: [scaffolderErrorCodes, templatingErrorCodes],
  extensionPoints: {
    actions: scaffolderActionsPoint,
    autocomplete: scaffolderAutocompletePoint,
    templating: scaffolderTemplatingPoint,
  },
  async init({ deps, config, extensions }) {
    const ctx = await createScaffolderContext(deps, config, extensions);
    deps.http.implement(scaffolderApi, {
      ...createTaskHandlers(ctx),
      ...createInfoHandlers(ctx),
      dryRun: createDryRunHandler(ctx),
      getTemplateFiles: createTemplateFilesHandler(ctx),
      streamTaskEvents: createEventStreamHandler(ctx),
    });
    const worker = await setUpTaskWorker(ctx, deps);
    return {
      start: () => worker.start(),
      async stop() {
        await worker.stop(SHUTDOWN_GRACE_MS);
        await ctx.templaters.close();
      },
    };
  },
});

export default scaffolderPlugin;
