// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import type { JsonObject } from '@atrium/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
} from '../__fixtures__/scaffolder-test-backend.js';
import { helloRuns, testActionsModule } from '../__fixtures__/test-module.js';

let backend: ScaffolderTestBackend;
beforeAll(async () => {
  backend = await startScaffolderBackend({
    features: [testActionsModule],
    config: { git: { allowedRemotes: ['file:///**'] } },
  });
});
afterAll(() => backend?.stop());

const b64 = (text: string) => Buffer.from(text).toString('base64');
const template = (steps: JsonObject[], extra: JsonObject = {}) => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'editor-draft' },
  spec: { type: 'service', steps, ...extra },
});

interface DryRunBody {
  log: Array<{ body: { message: string; stepId?: string; status?: string } }>;
  directoryContents: Array<{ path: string; base64Content: string; executable?: boolean }>;
  output: JsonObject;
  steps: Array<{ id: string; name: string; action: string }>;
  errors?: Array<{ property: string; message: string }>;
  error?: { message: string };
}

const dryRun = (body: JsonObject) => backend.api<DryRunBody>('/v2/dry-run', { body });

describe('POST /v2/dry-run', () => {
  it('runs a posted template on posted files and returns files, log, output and steps', async () => {
    const { status, body } = await dryRun({
      template: template(
        [
          {
            id: 'fetch',
            action: 'fetch:template',
            input: { url: './skeleton', values: { name: '${{ parameters.name }}' } },
          },
          { id: 'greet', action: 'acme:hello', input: { name: '${{ parameters.name }}' } },
          {
            id: 'publish',
            name: 'Publish',
            action: 'publish:git',
            input: { remoteUrl: 'file:///tmp/never.git' },
          },
          {
            id: 'register',
            action: 'catalog:register',
            input: { catalogInfoUrl: '${{ steps.publish.output.remoteUrl }}' },
          },
        ],
        {
          output: {
            greeting: '${{ steps.greet.output.greeting }}',
            repo: '${{ steps.publish.output.remoteUrl }}',
          },
        },
      ),
      values: { name: 'draft' },
      directoryContents: [
        { path: 'template.yaml', base64Content: b64('ignored') },
        { path: 'skeleton/README.md', base64Content: b64('# ${{ values.name }}\n') },
        { path: 'skeleton/${{ values.name }}.txt', base64Content: b64('x') },
      ],
    });
    expect(status).toBe(200);
    expect(body.steps).toEqual([
      { id: 'fetch', name: 'fetch:template', action: 'fetch:template' },
      { id: 'greet', name: 'acme:hello', action: 'acme:hello' },
      { id: 'publish', name: 'Publish', action: 'publish:git' },
      { id: 'register', name: 'catalog:register', action: 'catalog:register' },
    ]);
    expect(body.directoryContents).toEqual([
      { path: 'README.md', base64Content: b64('# draft\n'), executable: false },
      { path: 'draft.txt', base64Content: b64('x'), executable: false },
    ]);
    expect(body.output).toEqual({ greeting: 'hello draft', repo: 'example' });
    // As for a task, templateInfo.baseUrl names the template file: the posted template's
    // notional file in the folder of the posted files.
    expect(
      helloRuns.find((run) => run.dryRun && run.template === 'template:default/editor-draft'),
    ).toMatchObject({
      baseUrl: expect.stringMatching(/^file:\/\/\/.*\/dry-run-[^/]+\/template\/template\.yaml$/),
    });
    const statuses = body.log.filter((l) => l.body.status).map((l) => `${l.body.stepId}:${l.body.status}`);
    expect(statuses).toEqual([
      'fetch:processing',
      'fetch:completed',
      'greet:processing',
      'greet:completed',
      'publish:processing',
      'publish:skipped',
      'register:processing',
      'register:skipped',
    ]);
    const { body: locations } =
      await backend.api<Array<{ data: { target: string } }>>('/api/catalog/locations');
    expect(locations.filter((l) => l.data.target.includes('never.git'))).toEqual([]);
  });

  it('accepts the template as YAML text', async () => {
    const yaml = stringify(
      template([{ id: 'log', action: 'debug:log', input: { message: 'hi ${{ parameters.who }}' } }]),
    );
    const { status, body } = await dryRun({ template: yaml, values: { who: 'yaml' } });
    expect(status).toBe(200);
    expect(body.log.map((l) => l.body.message)).toContain('hi yaml');
  });

  it('answers 400 { errors } for invalid YAML, a malformed template or invalid values', async () => {
    const yaml = await dryRun({ template: 'spec: [unclosed', values: {} });
    expect(yaml.status).toBe(400);
    expect(yaml.body.errors?.[0]).toMatchObject({
      property: 'template',
      message: expect.stringMatching(/^is not valid YAML/),
    });
    const malformed = await dryRun({
      template: {
        ...template([]),
        spec: { type: 'x', steps: [{ input: {} }, { id: 'a', action: 'x' }, { id: 'a', action: 'y' }] },
      },
      values: {},
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => `${e.property} ${e.message}`)).toEqual([
      'template.spec.steps[0].action is required and must be an action id such as fetch:template',
      "template.spec.steps[2].id 'a' is used by an earlier step; step ids must be unique",
    ]);
    const values = await dryRun({
      template: template([], { parameters: { required: ['name'] } }),
      values: {},
    });
    expect(values.status).toBe(400);
    expect(values.body.errors?.[0]).toMatchObject({
      property: 'instance',
      message: 'requires property "name"',
    });
  });

  it('refuses posted files outside the dry-run directory', async () => {
    for (const path of ['../escape.txt', '/etc/passwd', 'a/../../b']) {
      const { status, body } = await dryRun({
        template: template([]),
        values: {},
        directoryContents: [{ path, base64Content: b64('x') }],
      });
      expect(status).toBe(400);
      expect(body.errors?.[0]?.property).toBe('directoryContents[0].path');
    }
  });

  it('reads no server files: urls outside the posted files fail the step', async () => {
    for (const url of ['../../../../../../etc', 'file:///etc/hostname']) {
      const { status, body } = await dryRun({
        template: template([{ id: 'steal', action: 'fetch:plain', input: { url } }]),
        values: {},
      });
      expect(status).toBe(200);
      expect(body.error?.message).toMatch(
        /^Step 'steal' \(fetch:plain\) failed: input\.url '.*' leads outside the template's location/,
      );
      expect(body.directoryContents).toEqual([]);
    }
  });
});
