import type { Entity } from '@atrium/catalog-model';
import type { ExtensionInputItem } from '@atrium/web-kernel';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { Route, Link as RouterLink, Routes } from 'react-router';
import type { entityTabsInput } from '../blueprints/entity-tab-blueprint.js';
import { EntityTabNotFound } from './entity-tab-not-found.js';

/** One tab as the entity page receives it from its `tabs` input. */
export type EntityTabItem = ExtensionInputItem<typeof entityTabsInput.data>;

/** Props of {@link EntityTabs}. */
export interface EntityTabsProps {
  entity: Entity;
  tabs: readonly EntityTabItem[];
  /** The entity page's own path, e.g. `/catalog/default/component/petstore`. */
  basePath: string;
  /** The part of the URL below `basePath`, e.g. `dependencies`. */
  subPath: string;
}

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');

/** The tab `subPath` shows: the longest matching tab path. */
export function findActiveTab(tabs: readonly EntityTabItem[], subPath: string): EntityTabItem | undefined {
  const rest = trimSlashes(subPath);
  // The longest matching path wins, so '/' (overview) is chosen only when nothing else fits.
  return [...tabs]
    .sort((a, b) => trimSlashes(b.output.path).length - trimSlashes(a.output.path).length)
    .find((tab) => {
      const path = trimSlashes(tab.output.path);
      return path === '' ? rest === '' : rest === path || rest.startsWith(`${path}/`);
    });
}

const tabId = (tab: EntityTabItem) => `entity-tab-${tab.id.replace(/[^a-zA-Z0-9-]/g, '-')}`;

/**
 * The tab bar and the active tab of an entity page. Only tabs whose filter accepts the
 * entity show; each is a link, so tabs have their own URLs and back/forward works.
 *
 * @example
 * <EntityTabs entity={entity} tabs={inputs.tabs} basePath="/catalog/default/api/petstore" subPath="definition" />
 */
export function EntityTabs({ entity, tabs, basePath, subPath }: EntityTabsProps) {
  const visible = tabs.filter((tab) => tab.output.filter(entity));
  const active = findActiveTab(visible, subPath);
  return (
    <>
      <Box
        sx={{ px: { xs: 1, md: 3 }, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}
      >
        <Tabs
          value={active?.id ?? false}
          aria-label="Entity sections"
          variant="scrollable"
          scrollButtons="auto"
        >
          {visible.map((tab) => {
            const path = trimSlashes(tab.output.path);
            return (
              <Tab
                key={tab.id}
                value={tab.id}
                id={tabId(tab)}
                label={tab.output.title}
                component={RouterLink}
                to={path ? `${basePath}/${path}` : basePath}
                aria-controls="entity-tab-panel"
              />
            );
          })}
        </Tabs>
      </Box>
      <Box
        role="tabpanel"
        id="entity-tab-panel"
        aria-labelledby={active ? tabId(active) : undefined}
        sx={{ px: { xs: 2, md: 4 }, py: 3, maxWidth: 1440 }}
      >
        <Routes>
          {visible.map((tab) => {
            const path = trimSlashes(tab.output.path);
            return path ? (
              <Route key={tab.id} path={`${path}/*`} element={tab.output.element} />
            ) : (
              <Route key={tab.id} index element={tab.output.element} />
            );
          })}
          <Route path="*" element={<EntityTabNotFound basePath={basePath} />} />
        </Routes>
      </Box>
    </>
  );
}
