import type { WebPlugin } from '@atrium/web-kernel';
import { appPlugin } from './app-plugin/app-plugin.js';

/**
 * The frontend features of the default app, in order. A plugin package joins by adding
 * its `/frontend` export here, e.g. `catalogPlugin` from `@atrium/catalog/frontend`.
 */
export const features: readonly WebPlugin[] = [appPlugin];
