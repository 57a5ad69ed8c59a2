import type { UrlReaderService } from '@atrium/kernel';
import type { CatalogClient } from '../../catalog/catalog-client.js';
import type { ScaffolderConfig } from '../../config.js';
import type { TemplaterPool } from '../../templating/templater-pool.js';
import type { TemplateAction } from '../template-action.js';
import { createCatalogFetchAction, createCatalogWriteAction } from './catalog-actions.js';
import { createCatalogRegisterAction } from './catalog-register.js';
import { createDebugLogAction, createDebugWaitAction } from './debug-actions.js';
import { createFetchPlainAction, createFetchPlainFileAction } from './fetch-plain.js';
import { createFetchTemplateAction } from './fetch-template.js';
import { createFsDeleteAction, createFsReaddirAction, createFsRenameAction } from './fs-actions.js';
import { createPublishGitAction } from './publish-git.js';
import {
  createFetchTemplateFileAction,
  createWorkspaceTemplateAction,
  createWorkspaceTemplateFileAction,
} from './template-file.js';

/** The actions every scaffolder backend offers (scaffolder.md §6). */
export function createBuiltinActions(deps: {
  templaters: TemplaterPool;
  catalog: CatalogClient;
  urlReader: UrlReaderService;
  config: ScaffolderConfig;
}): TemplateAction[] {
  return [
    createFetchPlainAction(),
    createFetchPlainFileAction(),
    createFetchTemplateAction(deps.templaters),
    createFetchTemplateFileAction(deps.templaters),
    createWorkspaceTemplateAction(deps.templaters, deps.urlReader),
    createWorkspaceTemplateFileAction(deps.templaters, deps.urlReader),
    createFsDeleteAction(),
    createFsRenameAction(),
    createFsReaddirAction(),
    createDebugLogAction(),
    createDebugWaitAction(),
    createCatalogRegisterAction(deps.catalog, deps.urlReader),
    createCatalogWriteAction(),
    createCatalogFetchAction(deps.catalog),
    createPublishGitAction(deps.config),
  ];
}
