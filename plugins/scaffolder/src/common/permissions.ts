// Plain objects in the kernel's `Permission` shape: this entry is imported by browser
// code, which must not load the (Node-only) kernel to get `definePermission`.

/** A permission of the scaffolder, structurally the kernel's `Permission`. */
export interface ScaffolderPermission {
  readonly type: 'basic' | 'resource';
  readonly name: string;
  readonly attributes: { readonly action?: 'create' | 'read' | 'update' | 'delete' };
  readonly resourceType?: string;
  readonly description?: string;
}

/** Resource type of template pages and steps, for tag-based conditions (`HAS_TAG`). */
export const RESOURCE_TYPE_SCAFFOLDER_TEMPLATE = 'scaffolder-template';
/** Resource type of action runs, for conditions on the action id and input (`HAS_ACTION_ID`, ...). */
export const RESOURCE_TYPE_SCAFFOLDER_ACTION = 'scaffolder-action';
/** Resource type of tasks, for conditions on who created them and from which template (`HAS_CREATED_BY`, ...). */
export const RESOURCE_TYPE_SCAFFOLDER_TASK = 'scaffolder-task';

const basic = (name: string, description: string, action?: 'create' | 'read' | 'update' | 'delete') =>
  ({ type: 'basic', name, attributes: action ? { action } : {}, description }) as const;

const resource = (
  name: string,
  resourceType: string,
  description: string,
  action: 'read' | 'update' = 'read',
) => ({ type: 'resource', name, attributes: { action }, resourceType, description }) as const;

/** Every permission the scaffolder checks (scaffolder.md §10). */
export const scaffolderPermissions = {
  taskCreate: basic('scaffolder.task.create', 'Run a template (create a task)', 'create'),
  taskRead: resource(
    'scaffolder.task.read',
    RESOURCE_TYPE_SCAFFOLDER_TASK,
    'Read tasks, their logs and events (conditions on the creator and the template)',
  ),
  taskCancel: resource(
    'scaffolder.task.cancel',
    RESOURCE_TYPE_SCAFFOLDER_TASK,
    'Cancel or retry a task (conditions on the creator and the template)',
    'update',
  ),
  actionExecute: resource(
    'scaffolder.action.execute',
    RESOURCE_TYPE_SCAFFOLDER_ACTION,
    'Run an action as a step of a task (conditions on the action id and its input)',
  ),
  templateParameterRead: resource(
    'scaffolder.template.parameter.read',
    RESOURCE_TYPE_SCAFFOLDER_TEMPLATE,
    'See form pages marked with backstage:permissions tags',
  ),
  templateStepRead: resource(
    'scaffolder.template.step.read',
    RESOURCE_TYPE_SCAFFOLDER_TEMPLATE,
    'Run steps marked with backstage:permissions tags',
  ),
  templateDryRun: basic('scaffolder.template.dry-run', 'Dry-run a posted template (template editor)'),
  templateManagement: basic(
    'scaffolder.template.management',
    'Use the template management tools (editor, action list)',
  ),
} satisfies Record<string, ScaffolderPermission>;

/** The scaffolder's permissions as a list, for the plugin manifest. */
export const scaffolderPermissionList: readonly ScaffolderPermission[] = Object.values(scaffolderPermissions);
