import type { ConditionRuleInfo } from './condition-builder.js';

/** What the editor lists: every installed permission and each resource type's rules. */
export interface EditorData {
  permissions: Array<{
    name: string;
    type: string;
    resourceType?: string;
    action?: string;
    pluginId: string;
  }>;
  resourceTypes: Array<{ resourceType: string; rules: ConditionRuleInfo[] }>;
  members: string[];
}
