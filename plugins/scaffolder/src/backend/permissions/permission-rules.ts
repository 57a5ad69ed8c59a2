import type { PermissionRule } from '@atrium/kernel';
import {
  RESOURCE_TYPE_SCAFFOLDER_ACTION,
  RESOURCE_TYPE_SCAFFOLDER_TASK,
  RESOURCE_TYPE_SCAFFOLDER_TEMPLATE,
} from '../../common/index.js';
import type { TaskRow } from '../store/tables.js';
import { type TaskFilter, taskMatchesFilter } from './task-filter.js';

/** A tagged template part (form page or step) as the template rules see it. */
export interface TaggedPart {
  tags: string[];
}

/** One action run as the action rules see it. */
export interface ActionRun {
  action: string;
  input: Record<string, unknown>;
}

function readPath(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, key) => {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    return (current as Record<string, unknown>)[key];
  }, value);
}

/** `HAS_TAG { tag }` on `scaffolder-template`: the page or step carries the tag. */
export const hasTagRule: PermissionRule<TaggedPart, never> = {
  name: 'HAS_TAG',
  description: 'Allow template pages and steps whose backstage:permissions tags include the given tag',
  resourceType: RESOURCE_TYPE_SCAFFOLDER_TEMPLATE,
  apply: (part, params) => part.tags.includes(String(params.tag)),
  toQuery: () => undefined as never,
};

function propertyRule(name: string, type: 'boolean' | 'number' | 'string'): PermissionRule<ActionRun, never> {
  return {
    name,
    description: `Allow actions whose input has a ${type} property (dotted key) equal to the value, or present when no value is given`,
    resourceType: RESOURCE_TYPE_SCAFFOLDER_ACTION,
    apply(run, params) {
      const value = readPath(run.input, String(params.key));
      if (params.value === undefined) return typeof value === type;
      return value === params.value;
    },
    toQuery: () => undefined as never,
  };
}

/** Rules on `scaffolder-action` (Backstage's names): the action id and its input. */
export const actionRules: PermissionRule<ActionRun, never>[] = [
  {
    name: 'HAS_ACTION_ID',
    description: 'Allow the action with the given id',
    resourceType: RESOURCE_TYPE_SCAFFOLDER_ACTION,
    apply: (run, params) => run.action === params.actionId,
    toQuery: () => undefined as never,
  },
  propertyRule('HAS_BOOLEAN_PROPERTY', 'boolean'),
  propertyRule('HAS_NUMBER_PROPERTY', 'number'),
  propertyRule('HAS_STRING_PROPERTY', 'string'),
];

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

// Defined once, as a filter: `apply` checks one task with the same filter the list query runs.
function taskRule(
  name: string,
  description: string,
  toQuery: (params: Record<string, unknown>) => TaskFilter,
): PermissionRule<TaskRow, TaskFilter> {
  return {
    name,
    description,
    resourceType: RESOURCE_TYPE_SCAFFOLDER_TASK,
    apply: (task, params) => taskMatchesFilter(task, toQuery(params)),
    toQuery,
  };
}

/** Rules on `scaffolder-task` (Backstage's `hasCreatedBy`, `hasTemplateEntityRefs`). */
export const taskRules: PermissionRule<TaskRow, TaskFilter>[] = [
  taskRule(
    'HAS_CREATED_BY',
    'Allow tasks created by one of the given users ({ createdBy: string[] })',
    (params) => ({
      column: 'created_by',
      values: strings(params.createdBy),
    }),
  ),
  taskRule(
    'HAS_TEMPLATE_ENTITY_REFS',
    'Allow tasks created from one of the given templates ({ templateEntityRefs: string[] })',
    (params) => ({
      column: 'template_ref',
      values: strings(params.templateEntityRefs).map((ref) => ref.toLowerCase()),
    }),
  ),
];
