import { stringify } from 'yaml';
import { type HttpCaller, type Reply, waitFor } from './http-caller.js';

/** A catalog entity as a plain object, for descriptor files an attacker writes. */
export type Descriptor = Record<string, unknown>;

/** A Component descriptor (kept valid, so only the attack itself can make it fail). */
export function component(
  name: string,
  extra: { metadata?: Descriptor; spec?: Descriptor } = {},
): Descriptor {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...extra.metadata },
    spec: { type: 'service', lifecycle: 'experimental', owner: 'group:default/team-devex', ...extra.spec },
  };
}

/** An API whose `spec.definition` is `definition` (a placeholder, typically). */
export function api(name: string, definition: unknown): Descriptor {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name },
    spec: { type: 'openapi', lifecycle: 'experimental', owner: 'group:default/team-devex', definition },
  };
}

/** A Location descriptor pointing at `targets`. */
export function location(
  name: string,
  spec: { type?: string; target?: string; targets?: string[] },
): Descriptor {
  return { apiVersion: 'backstage.io/v1alpha1', kind: 'Location', metadata: { name }, spec };
}

/** Several descriptors as one multi-document YAML file. */
export function yamlDocuments(...documents: Descriptor[]): string {
  return documents.map((d) => stringify(d)).join('---\n');
}

/** The catalog's `POST /locations` (optionally a dry run). */
export function registerLocation(
  caller: HttpCaller,
  token: string,
  spec: { type: string; target: string },
  dryRun = false,
): Promise<Reply> {
  return caller.call('POST', `/api/catalog/locations${dryRun ? '?dryRun=true' : ''}`, { token, body: spec });
}

/** Waits until an entity is readable with `token`; its JSON. */
export function waitForEntity(
  caller: HttpCaller,
  token: string,
  ref: { kind: string; namespace?: string; name: string },
): Promise<Descriptor> {
  const path = `/api/catalog/entities/by-name/${ref.kind}/${ref.namespace ?? 'default'}/${ref.name}`;
  return waitFor(`entity ${ref.kind}:${ref.name}`, async () => {
    const reply = await caller.call('GET', path, { token });
    return reply.status === 200 ? (reply.json as Descriptor) : undefined;
  });
}

/** Every entity the token may read, as text (for looking for leaked bytes). */
export async function wholeCatalog(caller: HttpCaller, token: string): Promise<Reply> {
  return caller.call('GET', '/api/catalog/entities', { token });
}

/** A finished scaffolder task: its final status and every event it logged. */
export interface FinishedTask {
  id: string;
  status: string;
  events: unknown[];
  task: unknown;
}

/**
 * Creates a task and waits (at most `timeoutMs`) until it completes, fails or is
 * cancelled; a task still running then is cancelled and reported as `still running`.
 */
export async function runTask(
  caller: HttpCaller,
  token: string,
  templateRef: string,
  values: Record<string, unknown>,
  timeoutMs = 15_000,
): Promise<FinishedTask | Reply> {
  const created = await caller.call('POST', '/api/scaffolder/v2/tasks', {
    token,
    body: { templateRef, values },
  });
  if (created.status !== 201) return created;
  const { id } = created.json as { id: string };
  const finished = (reply: Reply) => {
    const status = (reply.json as { status?: string }).status;
    return status === 'completed' || status === 'failed' || status === 'cancelled';
  };
  let task = await caller.call('GET', `/api/scaffolder/v2/tasks/${id}`, { token });
  try {
    task = await waitFor(
      `task ${id} of ${templateRef}`,
      async () => {
        const reply = await caller.call('GET', `/api/scaffolder/v2/tasks/${id}`, { token });
        return finished(reply) ? reply : undefined;
      },
      timeoutMs,
    );
  } catch {
    await caller.call('POST', `/api/scaffolder/v2/tasks/${id}/cancel`, { token });
  }
  const status = finished(task) ? (task.json as { status: string }).status : 'still running';
  const events = await caller.call('GET', `/api/scaffolder/v2/tasks/${id}/events`, { token });
  return { id, status, events: events.json as unknown[], task: task.json };
}

/** True when {@link runTask} got as far as running the task. */
export function isFinishedTask(value: FinishedTask | Reply): value is FinishedTask {
  return 'events' in value;
}

/** `POST /v2/dry-run` of a posted template with no files. */
export function dryRunTemplate(
  caller: HttpCaller,
  token: string,
  template: Descriptor,
  values: Record<string, unknown> = {},
): Promise<Reply> {
  return caller.call('POST', '/api/scaffolder/v2/dry-run', {
    token,
    body: { template: stringify(template), values, directoryContents: [] },
  });
}

/** A v1beta3 template with the given steps and one free-text parameter per name. */
export function template(name: string, parameters: string[], steps: Descriptor[]): Descriptor {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name },
    spec: {
      owner: 'group:default/team-devex',
      type: 'service',
      parameters: [{ properties: Object.fromEntries(parameters.map((p) => [p, { type: 'string' }])) }],
      steps,
    },
  };
}
