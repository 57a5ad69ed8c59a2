import { z } from 'zod';
import type { AppNodeInfo, AppPageInfo, AppTreeApi } from '../apis/app-tree-api.js';
import { coreExtensionData, type NavItem } from '../extensions/core-extension-data.js';
import type { AppNode, AppTree } from './app-node.js';

// A schema with parts JSON Schema cannot say (a transform, a function) is described as far as it can be.
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function toInfo(node: AppNode): AppNodeInfo {
  const info: AppNodeInfo = { id: node.id, isEnabled: node.isEnabled, isBuilt: node.status === 'ready' };
  if (node.pluginId) info.pluginId = node.pluginId;
  if (node.attachTo) info.attachTo = node.attachTo;
  const schema = node.definition.configSchema;
  if (schema) {
    info.config = node.config;
    info.configSchema = jsonSchemaOf(schema);
  }
  return info;
}

/**
 * Exposes a built tree through the {@link AppTreeApi}.
 *
 * @example
 * const pages = createAppTreeApi(tree).getPages();
 */
export function createAppTreeApi(tree: AppTree): AppTreeApi {
  return {
    getNodes: () => [...tree.nodes.values()].map(toInfo),
    getPages() {
      const pages: AppPageInfo[] = [];
      const routes = tree.nodes.get('app/layout')?.children.get('routes') ?? [];
      for (const node of routes) {
        const path = node.outputs?.get(coreExtensionData.routePath.id);
        if (node.status !== 'ready' || typeof path !== 'string') continue;
        const navItem = node.outputs?.get(coreExtensionData.navItem.id) as NavItem | undefined;
        const page: AppPageInfo = { extensionId: node.id, path };
        if (node.pluginId) page.pluginId = node.pluginId;
        if (navItem) page.title = navItem.title;
        pages.push(page);
      }
      return pages;
    },
  };
}
