import { z } from 'zod';
import { coreExtensionData, type NavItem } from '../extensions/core-extension-data.js';
import { defineBlueprint } from '../extensions/define-blueprint.js';

/**
 * An entry of the left navigation, attached to `app/layout`'s `nav`. Config: `title`, `to`.
 *
 * @example
 * NavItemBlueprint.make({ params: { title: 'Search', to: '/search', icon: SearchIcon } });
 */
export const NavItemBlueprint = defineBlueprint({
  kind: 'nav-item',
  attachTo: { id: 'app/layout', input: 'nav' },
  output: { navItem: coreExtensionData.navItem },
  config: z.object({ title: z.string().min(1).optional(), to: z.string().optional() }),
  factory: (params: NavItem, { config }) => ({
    navItem: { ...params, title: config.title ?? params.title, to: config.to ?? params.to },
  }),
});
