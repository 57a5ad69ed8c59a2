import { describe, expect, it } from 'vitest';
import type { Entity } from './entity.js';
import { createKindRegistry } from './kind-registry.js';

const registry = createKindRegistry();

function entity(
  kind: string,
  spec: Record<string, unknown> | undefined,
  apiVersion = 'backstage.io/v1alpha1',
): Entity {
  const value: Entity = { apiVersion, kind, metadata: { name: 'x' } };
  if (spec !== undefined) value.spec = spec;
  return value;
}

const validSpecs: Record<string, Record<string, unknown>> = {
  Component: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  API: { type: 'openapi', lifecycle: 'production', owner: 'team-a', definition: 'openapi: 3.0.0' },
  Resource: { type: 'database', owner: 'team-a' },
  System: { owner: 'team-a' },
  Domain: { owner: 'team-a' },
  Group: { type: 'team', children: [] },
  User: { memberOf: [] },
  Location: {},
  Template: { type: 'service', steps: [] },
};

const requiredFields: Record<string, string[]> = {
  Component: ['type', 'lifecycle', 'owner'],
  API: ['type', 'lifecycle', 'owner', 'definition'],
  Resource: ['type', 'owner'],
  System: ['owner'],
  Domain: ['owner'],
  Group: ['type', 'children'],
  User: ['memberOf'],
  Location: [],
  Template: ['type', 'steps'],
};

const apiVersionOf = (kind: string) =>
  kind === 'Template' ? 'scaffolder.backstage.io/v1beta3' : 'backstage.io/v1alpha1';

describe('built-in kinds', () => {
  it.each(Object.keys(validSpecs))('accepts a minimal valid %s', (kind) => {
    expect(registry.validateKind(entity(kind, validSpecs[kind], apiVersionOf(kind)))).toEqual([]);
  });

  it.each(Object.keys(validSpecs).filter((kind) => kind !== 'Template'))('accepts %s in v1beta1', (kind) => {
    expect(registry.validateKind(entity(kind, validSpecs[kind], 'backstage.io/v1beta1'))).toEqual([]);
  });

  it.each(Object.entries(requiredFields).flatMap(([kind, fields]) => fields.map((field) => [kind, field])))(
    '%s requires spec.%s',
    (kind, field) => {
      const spec = { ...validSpecs[kind] };
      delete spec[field];
      expect(registry.validateKind(entity(kind, spec, apiVersionOf(kind)))).toEqual([
        { path: `spec.${field}`, message: `spec is missing required field '${field}'` },
      ]);
    },
  );

  it.each(Object.keys(validSpecs))('%s requires a spec', (kind) => {
    expect(registry.validateKind(entity(kind, undefined, apiVersionOf(kind)))).toEqual([
      { path: 'spec', message: "entity is missing required field 'spec'" },
    ]);
  });

  it('requires non-empty strings', () => {
    const problems = registry.validateKind(
      entity('Component', { type: 'service', lifecycle: '', owner: 7, system: 'shop' }),
    );
    expect(problems).toEqual([
      { path: 'spec.lifecycle', message: 'spec.lifecycle must be a non-empty string' },
      { path: 'spec.owner', message: 'spec.owner must be a non-empty string, found number' },
    ]);
  });

  it('requires arrays of non-empty strings', () => {
    const spec = { ...validSpecs.Component, providesApis: 'orders', consumesApis: ['a', ''], dependsOn: [1] };
    expect(registry.validateKind(entity('Component', spec))).toEqual([
      {
        path: 'spec.providesApis',
        message: 'spec.providesApis must be an array of non-empty strings, found string',
      },
      { path: 'spec.consumesApis[1]', message: 'spec.consumesApis[1] must be a non-empty string' },
      { path: 'spec.dependsOn[0]', message: 'spec.dependsOn[0] must be a non-empty string, found number' },
    ]);
  });

  it('checks Group and User profiles and refs', () => {
    const group = {
      type: 'team',
      children: ['b'],
      parent: 'root',
      members: ['jdoe'],
      profile: { email: '' },
    };
    expect(registry.validateKind(entity('Group', group))).toEqual([
      { path: 'spec.profile.email', message: 'spec.profile.email must be a non-empty string' },
    ]);
    expect(registry.validateKind(entity('User', { memberOf: 'team-a' }))).toEqual([
      { path: 'spec.memberOf', message: 'spec.memberOf must be an array of non-empty strings, found string' },
    ]);
  });

  it('accepts a Location with targets and checks presence', () => {
    const ok = { type: 'url', targets: ['./a.yaml', './b.yaml'], presence: 'optional' };
    expect(registry.validateKind(entity('Location', ok))).toEqual([]);
    expect(registry.validateKind(entity('Location', { target: './a.yaml', presence: 'sometimes' }))).toEqual([
      {
        path: 'spec.presence',
        message: `spec.presence must be one of 'required', 'optional', found "sometimes"`,
      },
    ]);
  });

  it('accepts an mcp-server API with remotes instead of a definition', () => {
    const mcp = {
      type: 'mcp-server',
      lifecycle: 'experimental',
      owner: 'ai',
      remotes: [{ type: 'sse', url: 'https://x' }],
    };
    expect(registry.validateKind(entity('API', mcp))).toEqual([]);
    const { remotes: _remotes, ...withoutRemotes } = mcp;
    expect(registry.validateKind(entity('API', withoutRemotes))).toEqual([
      { path: 'spec.remotes', message: "spec is missing required field 'remotes'" },
    ]);
    expect(registry.validateKind(entity('API', { ...mcp, remotes: [{ type: 'sse' }] }))).toEqual([
      { path: 'spec.remotes[0].url', message: "spec.remotes[0] is missing required field 'url'" },
    ]);
  });

  it('rejects an API definition that is not a string (an unresolved placeholder)', () => {
    const spec = { ...validSpecs.API, definition: { $text: './openapi.yaml' } };
    expect(registry.validateKind(entity('API', spec))).toEqual([
      { path: 'spec.definition', message: 'spec.definition must be a non-empty string, found object' },
    ]);
  });
});

describe('the Template kind', () => {
  const expression = (body: string) => `\${{ ${body} }}`;
  const template = (spec: Record<string, unknown>) =>
    entity('Template', spec, 'scaffolder.backstage.io/v1beta3');

  it('accepts a full v1beta3 template', () => {
    const spec = {
      type: 'service',
      owner: 'team-a',
      lifecycle: 'production',
      parameters: [
        { title: 'Name', required: ['name'], properties: { name: { type: 'string', 'ui:autofocus': true } } },
      ],
      steps: [
        { id: 'fetch', name: 'Fetch', action: 'fetch:template', input: { url: './skeleton' } },
        {
          action: 'publish:github',
          if: expression('parameters.publish'),
          each: expression('parameters.repos'),
        },
        { action: 'debug:log', if: false },
      ],
      output: {
        links: [
          { title: 'Repo', url: expression('steps.publish.output.remoteUrl') },
          { entityRef: 'component:x' },
        ],
        text: [{ title: 'Next', content: 'Do things' }],
        remoteUrl: expression('steps.publish.output.remoteUrl'),
      },
      secrets: { schema: { type: 'object' } },
      presentation: { buttonLabels: { createButtonText: 'Go' } },
      formDecorators: [{ id: 'decorator', input: {} }],
      EXPERIMENTAL_recovery: { EXPERIMENTAL_strategy: 'startOver' },
    };
    expect(registry.validateKind(template(spec))).toEqual([]);
  });

  it('accepts parameters as one object', () => {
    expect(registry.validateKind(template({ type: 'x', steps: [], parameters: { properties: {} } }))).toEqual(
      [],
    );
  });

  it('explains malformed parameters, steps and output', () => {
    const spec = {
      type: 'x',
      parameters: 'name',
      steps: [{ id: 'a' }, { action: 'x', if: 1 }],
      output: { count: 3 },
      EXPERIMENTAL_recovery: { EXPERIMENTAL_strategy: 'retry' },
    };
    expect(registry.validateKind(template(spec))).toEqual([
      { path: 'spec.parameters', message: 'spec.parameters must be an object or an array, found string' },
      { path: 'spec.steps[0].action', message: "spec.steps[0] is missing required field 'action'" },
      { path: 'spec.steps[1].if', message: 'spec.steps[1].if must be a string or a boolean, found number' },
      { path: 'spec.output.count', message: 'spec.output.count must be a string, found number' },
      {
        path: 'spec.EXPERIMENTAL_recovery.EXPERIMENTAL_strategy',
        message: `spec.EXPERIMENTAL_recovery.EXPERIMENTAL_strategy must be one of 'none', 'startOver', found "retry"`,
      },
    ]);
  });

  it('only accepts the scaffolder apiVersion', () => {
    expect(registry.validateKind(entity('Template', validSpecs.Template))).toEqual([
      {
        path: 'apiVersion',
        message:
          "apiVersion 'backstage.io/v1alpha1' is not supported for kind 'Template'; supported: scaffolder.backstage.io/v1beta3",
      },
    ]);
  });
});
