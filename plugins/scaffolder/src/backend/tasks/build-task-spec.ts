import type {
  JsonObject,
  SerializedTask,
  TaskSpec,
  TaskStatus,
  TaskStepSpec,
  TemplateInfo,
} from '../../common/index.js';
import type { TaskRow } from '../store/tables.js';
import { asJson, type TemplateDocument } from '../validation/template-spec.js';

/** Builds the spec stored with a task (scaffolder.md §7) from a checked template. */
export function buildTaskSpec(options: {
  template: TemplateDocument;
  steps: TaskStepSpec[];
  values: JsonObject;
  user: { ref?: string; entity?: JsonObject };
  templateInfo: TemplateInfo;
}): TaskSpec {
  const { template } = options;
  const spec: TaskSpec = {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    steps: asJson(options.steps),
    output: asJson(template.spec.output ?? {}),
    parameters: asJson(options.values),
    user: asJson(options.user),
    templateInfo: asJson(options.templateInfo),
  };
  if (template.spec.EXPERIMENTAL_recovery) spec.EXPERIMENTAL_recovery = template.spec.EXPERIMENTAL_recovery;
  return spec;
}

/** A task row as the API serves it (never its secrets). */
export function serializeTask(row: TaskRow): SerializedTask {
  return {
    id: row.id,
    spec: JSON.parse(row.spec) as TaskSpec,
    status: row.status as TaskStatus,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    ...(row.last_heartbeat_at != null
      ? { lastHeartbeatAt: new Date(Number(row.last_heartbeat_at)).toISOString() }
      : {}),
    ...(row.created_by ? { createdBy: row.created_by } : {}),
  };
}
