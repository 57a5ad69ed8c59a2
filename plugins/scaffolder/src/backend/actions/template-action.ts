import type { Credentials, LoggerService } from '@atrium/kernel';
import { z } from 'zod';
import type { JsonObject, JsonValue, TaskUser, TemplateInfo } from '../../common/index.js';
import type { SourceFile } from '../files/template-source.js';

/** A JSON Schema document (draft-07 style). */
export type JsonSchema = { [key: string]: unknown };

/** What an action's handler receives while a step runs. */
export interface ActionContext<TInput = JsonObject> {
  /** The rendered input, validated against the action's input schema. */
  input: TInput;
  /** The task's workspace; every file the action writes must stay inside it. */
  workspacePath: string;
  /** Lines logged here become the step's log events (secrets redacted). */
  logger: LoggerService;
  /** Sets `steps.<id>.output.<name>` (a list per name inside `each`). */
  output(name: string, value: JsonValue): void;
  secrets: Readonly<Record<string, string>>;
  user: TaskUser;
  templateInfo: TemplateInfo;
  isDryRun: boolean;
  /** Aborted when the task is cancelled or the backend shuts down. */
  signal: AbortSignal;
  /** Runs `fn` once per task and key, keeping its result across retries of the task. */
  checkpoint<T extends JsonValue | undefined>(options: { key: string; fn: () => Promise<T> | T }): Promise<T>;
  task: { id: string };
  step: { id: string; name: string };
  /** The credentials of whoever started the task, to call other plugins on their behalf. */
  getInitiatorCredentials(): Promise<Credentials>;
  /** A directory outside the workspace, removed after the step. */
  createTemporaryDirectory(): Promise<string>;
  /**
   * Reads the template's own files: `url` is relative to `templateInfo.baseUrl` or
   * absolute, and reads stay within the backend's reading allow-lists.
   */
  templateFiles: {
    resolveUrl(url: string, field?: string): string;
    readTree(url: string): Promise<SourceFile[]>;
    readFile(url: string): Promise<Buffer>;
  };
}

/** An action a template step can run, e.g. `fetch:template`. */
export interface TemplateAction<TInput = JsonObject> {
  /** Namespaced id such as `publish:git`. */
  id: string;
  description?: string;
  /** Examples shown at `/v2/actions`: a description and the step as YAML text. */
  examples?: Array<{ description: string; example: string }>;
  /** Runs during dry runs; actions with side effects outside the workspace leave it unset. */
  supportsDryRun?: boolean;
  schema?: { input?: JsonSchema; output?: JsonSchema };
  handler(context: ActionContext<TInput>): Promise<void>;
}

type SchemaLike = z.ZodType | JsonSchema;
type InputOf<T> = T extends z.ZodType ? z.output<T> : JsonObject;

function toJsonSchema(schema: SchemaLike | undefined): JsonSchema | undefined {
  if (schema === undefined) return undefined;
  if (schema instanceof z.ZodType) {
    return z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  }
  return schema;
}

/**
 * Declares an action. Schemas may be zod (the handler's input is then typed and has the
 * schema's defaults applied) or plain JSON Schema; `/v2/actions` lists both as JSON Schema.
 *
 * @example
 * export const helloAction = createTemplateAction({
 *   id: 'acme:hello',
 *   schema: { input: z.object({ name: z.string() }) },
 *   async handler(ctx) { ctx.logger.info(`hello ${ctx.input.name}`); ctx.output('greeted', true); },
 * });
 */
export function createTemplateAction<TIn extends SchemaLike | undefined = undefined>(options: {
  id: string;
  description?: string;
  examples?: Array<{ description: string; example: string }>;
  supportsDryRun?: boolean;
  schema?: { input?: TIn; output?: SchemaLike };
  handler(context: ActionContext<InputOf<TIn>>): Promise<void>;
}): TemplateAction {
  const input = options.schema?.input;
  return {
    id: options.id,
    description: options.description,
    examples: options.examples,
    supportsDryRun: options.supportsDryRun,
    schema: { input: toJsonSchema(input), output: toJsonSchema(options.schema?.output) },
    handler: (context) =>
      options.handler({
        ...context,
        // The registry validated the input already; parsing applies zod's defaults.
        input: (input instanceof z.ZodType ? input.parse(context.input) : context.input) as InputOf<TIn>,
      }),
  };
}
