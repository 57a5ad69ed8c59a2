import { appLayoutWebPlugin } from '@atrium/app/frontend';
import { auditWebPlugin } from '@atrium/audit/frontend';
import { catalogSearchWebPlugin, catalogWebPlugin } from '@atrium/catalog/frontend';
import { pluginsWebPlugin } from '@atrium/plugins/frontend';
import { rbacWebPlugin } from '@atrium/rbac/frontend';
import { scaffolderSearchWebPlugin, scaffolderWebPlugin } from '@atrium/scaffolder/frontend';
import { scorecardsWebPlugin } from '@atrium/scorecards/frontend';
import { searchWebPlugin } from '@atrium/search/frontend';
import { techdocsSearchWebPlugin, techdocsWebPlugin } from '@atrium/techdocs/frontend';
import type { WebPlugin } from '@atrium/web-kernel';
import { appPlugin } from './app-plugin/app-plugin.js';

/**
 * The frontend features built into the default app, in order. Other plugins join without
 * a rebuild: list their package in `app.features` and the app loads their bundle at startup
 * (main.tsx, loadFeatureBundles).
 */
export const features: readonly WebPlugin[] = [
  appPlugin,
  catalogWebPlugin,
  scaffolderWebPlugin,
  searchWebPlugin,
  catalogSearchWebPlugin,
  auditWebPlugin,
  rbacWebPlugin,
  appLayoutWebPlugin,
  pluginsWebPlugin,
  techdocsWebPlugin,
  scaffolderSearchWebPlugin,
  techdocsSearchWebPlugin,
  scorecardsWebPlugin,
];
