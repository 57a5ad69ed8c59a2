import { coreServices, defineServiceFactory, type PolicyDecision } from '@atrium/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SerializedTask } from '../../common/index.js';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
  templateEntity,
} from '../__fixtures__/scaffolder-test-backend.js';

const restricted = 'user:default/restricted';

// Everyone may do everything, except the restricted user: no dry runs, no task creation
// for 'mallory', tagged pages/steps only with tag 'public', and only the debug:log action.
const policy = defineServiceFactory({
  service: coreServices.permissionPolicy,
  deps: {},
  factory: () => ({
    async handle({ permission }, { credentials }): Promise<PolicyDecision> {
      const user = credentials.principal.type === 'user' ? credentials.principal.userEntityRef : undefined;
      if (user === 'user:default/mallory' && permission.name === 'scaffolder.task.create')
        return { result: 'DENY' };
      if (user !== restricted) return { result: 'ALLOW' };
      switch (permission.name) {
        case 'scaffolder.template.dry-run':
          return { result: 'DENY' };
        case 'scaffolder.template.parameter.read':
        case 'scaffolder.template.step.read':
          return {
            result: 'CONDITIONAL',
            pluginId: 'scaffolder',
            resourceType: 'scaffolder-template',
            conditions: { rule: 'HAS_TAG', resourceType: 'scaffolder-template', params: { tag: 'public' } },
          };
        case 'scaffolder.action.execute':
          return {
            result: 'CONDITIONAL',
            pluginId: 'scaffolder',
            resourceType: 'scaffolder-action',
            conditions: {
              anyOf: [
                {
                  rule: 'HAS_ACTION_ID',
                  resourceType: 'scaffolder-action',
                  params: { actionId: 'debug:log' },
                },
                {
                  allOf: [
                    {
                      rule: 'HAS_ACTION_ID',
                      resourceType: 'scaffolder-action',
                      params: { actionId: 'debug:wait' },
                    },
                    {
                      rule: 'HAS_NUMBER_PROPERTY',
                      resourceType: 'scaffolder-action',
                      params: { key: 'milliseconds', value: 1 },
                    },
                  ],
                },
              ],
            },
          };
        default:
          return { result: 'ALLOW' };
      }
    },
  }),
});

let backend: ScaffolderTestBackend;
beforeAll(async () => {
  backend = await startScaffolderBackend({
    features: [policy],
    entities: [
      templateEntity('tagged', {
        parameters: [
          {
            title: 'Public',
            properties: { name: { type: 'string' } },
            'backstage:permissions': { tags: ['public'] },
          },
          {
            title: 'Admin',
            required: ['secretSetting'],
            properties: { secretSetting: { type: 'string', pattern: '^[a-z]+$' } },
            'backstage:permissions': { tags: ['admin'] },
          },
          { title: 'Untagged', properties: { other: { type: 'string' } } },
        ],
        steps: [
          {
            id: 'log',
            action: 'debug:log',
            input: { message: 'public step' },
            'backstage:permissions': { tags: ['public'] },
          },
          {
            id: 'admin',
            action: 'debug:log',
            input: { message: 'admin step' },
            'backstage:permissions': { tags: ['admin'] },
          },
          { id: 'short', action: 'debug:wait', input: { milliseconds: 1 } },
          { id: 'long', action: 'debug:wait', input: { milliseconds: 2 } },
        ],
      }),
    ],
  });
});
afterAll(() => backend?.stop());

describe('scaffolder permissions', () => {
  it('hides tagged pages and drops tagged steps the caller may not see, and checks each action run', async () => {
    const token = await backend.userToken(restricted);
    const schema = await backend.api<{ steps: Array<{ title: string }> }>(
      '/v2/templates/default/template/tagged/parameter-schema',
      { token },
    );
    expect(schema.body.steps.map((s) => s.title)).toEqual(['Public', 'Untagged']);
    // The hidden page's required field is not required from this caller.
    const created = await backend.api<{ id: string }>('/v2/tasks', {
      body: { templateRef: 'tagged', values: { name: 'x' } },
      token,
    });
    expect(created.status).toBe(201);
    const { task, events } = await backend.waitForTask(created.body.id);
    expect(task.spec.steps.map((s) => s.id)).toEqual(['log', 'short', 'long']);
    expect(task.status).toBe('failed');
    const failure = events.find((e) => (e.body as { status?: string }).status === 'failed');
    expect(failure?.body).toMatchObject({
      stepId: 'long',
      message:
        "Step 'long' (debug:wait) failed: running action 'debug:wait' is not allowed (permission scaffolder.action.execute)",
    });
  });

  it('refuses values for the fields of a page the caller may not see, instead of passing them unchecked', async () => {
    const token = await backend.userToken(restricted);
    const created = await backend.api<{ errors: Array<{ property: string; message: string }> }>('/v2/tasks', {
      body: { templateRef: 'tagged', values: { name: 'x', secretSetting: 'a\n---\nkind: Group' } },
      token,
    });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([
      expect.objectContaining({
        property: 'instance.secretSetting',
        message: 'is on a page of the template you may not fill in (backstage:permissions)',
      }),
    ]);
  });

  it('shows everything to callers the policy allows', async () => {
    const schema = await backend.api<{ steps: Array<{ title: string }> }>(
      '/v2/templates/default/template/tagged/parameter-schema',
    );
    expect(schema.body.steps.map((s) => s.title)).toEqual(['Public', 'Admin', 'Untagged']);
    const id = await backend.createTask('tagged', { name: 'x', secretSetting: 'y' });
    const { task } = await backend.waitForTask(id);
    expect((task as SerializedTask).status).toBe('completed');
  });

  it('answers 403 naming the permission', async () => {
    const mallory = await backend.userToken('user:default/mallory');
    const denied = await backend.api<{ error: { message: string } }>('/v2/tasks', {
      body: { templateRef: 'tagged', values: {} },
      token: mallory,
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      "creating a task is not allowed: permission 'scaffolder.task.create' was denied",
    );
    const dryRun = await backend.api('/v2/dry-run', {
      body: { template: {}, values: {} },
      token: await backend.userToken(restricted),
    });
    expect(dryRun.status).toBe(403);
  });
});
