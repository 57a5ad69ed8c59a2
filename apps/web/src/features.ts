import { catalogWebPlugin } from '@atrium/catalog/frontend';
import { scaffolderWebPlugin } from '@atrium/scaffolder/frontend';
import type { WebPlugin } from '@atrium/web-kernel';
import { appPlugin } from './app-plugin/app-plugin.js';

/**
 * The frontend features of the default app, in order. A plugin package joins by adding
 * its `/frontend` export here.
 */
export const features: readonly WebPlugin[] = [appPlugin, catalogWebPlugin, scaffolderWebPlugin];
