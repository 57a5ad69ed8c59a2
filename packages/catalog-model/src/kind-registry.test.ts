import { AtriumError } from '@atrium/errors';
import { describe, expect, it } from 'vitest';
import { defineKind } from './define-kind.js';
import type { Entity } from './entity.js';
import { createKindRegistry } from './kind-registry.js';

const widgetKind = defineKind({
  kind: 'Widget',
  apiVersions: ['widgets.example.com/v1'],
  schema: {
    type: 'object',
    required: ['owner', 'size'],
    properties: { owner: { type: 'string', minLength: 1 }, size: { type: 'integer', minimum: 1 } },
  },
});

const widget = (spec: Record<string, unknown>): Entity => ({
  apiVersion: 'widgets.example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w' },
  spec,
});

const component = (spec: Record<string, unknown> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'c' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a', ...spec },
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AtriumError ? error.code : 'not an AtriumError';
  }
  return undefined;
}

describe('createKindRegistry', () => {
  it('knows the built-in kinds', () => {
    const registry = createKindRegistry();
    expect(registry.listKinds().map((kind) => kind.kind)).toEqual([
      'Component',
      'API',
      'Resource',
      'System',
      'Domain',
      'Group',
      'User',
      'Location',
      'Template',
    ]);
    expect(registry.hasKind('Component')).toBe(true);
    expect(registry.hasKind('Component', 'backstage.io/v1beta1')).toBe(true);
    expect(registry.hasKind('Component', 'backstage.io/v2')).toBe(false);
    expect(registry.hasKind('component')).toBe(false);
    expect(createKindRegistry({ builtinKinds: false }).listKinds()).toEqual([]);
  });

  it('rejects an unknown kind and lists the known ones', () => {
    const registry = createKindRegistry();
    expect(registry.validateKind({ ...widget({}), apiVersion: 'x/v1' })).toEqual([
      {
        path: 'kind',
        message:
          "kind 'Widget' (apiVersion 'x/v1') is not a known kind; known kinds: API, Component, Domain, Group, Location, Resource, System, Template, User",
      },
    ]);
  });

  it('hints at the right casing of a kind', () => {
    const registry = createKindRegistry();
    const [problem] = registry.validateKind({ ...component(), kind: 'component' });
    expect(problem?.message).toMatch(
      /is not a known kind; .*; did you mean 'Component'\? \(kinds are case-sensitive\)$/,
    );
  });

  it('rejects an unsupported apiVersion of a known kind', () => {
    const registry = createKindRegistry();
    expect(registry.validateKind({ ...component(), apiVersion: 'backstage.io/v2' })).toEqual([
      {
        path: 'apiVersion',
        message:
          "apiVersion 'backstage.io/v2' is not supported for kind 'Component'; supported: backstage.io/v1alpha1, backstage.io/v1beta1",
      },
    ]);
  });
});

describe('registerKind', () => {
  it('lets a plugin add a kind', () => {
    const registry = createKindRegistry();
    registry.registerKind(widgetKind);
    expect(registry.hasKind('Widget', 'widgets.example.com/v1')).toBe(true);
    expect(registry.validateKind(widget({ owner: 'team-a', size: 2 }))).toEqual([]);
    expect(registry.validateKind(widget({ owner: 'team-a', size: 0 }))).toEqual([
      { path: 'spec.size', message: 'spec.size must be >= 1' },
    ]);
    expect(registry.validateKind(widget({ size: 'big' }))).toEqual([
      { path: 'spec.owner', message: "spec is missing required field 'owner'" },
      { path: 'spec.size', message: 'spec.size must be an integer, found string' },
    ]);
  });

  it('accepts a new apiVersion of a kind, with its own schema', () => {
    const registry = createKindRegistry();
    registry.registerKind(widgetKind);
    registry.registerKind({
      kind: 'Widget',
      apiVersions: ['widgets.example.com/v2'],
      schema: { type: 'object' },
    });
    expect(registry.validateKind({ ...widget({}), apiVersion: 'widgets.example.com/v2' })).toEqual([]);
    expect(registry.validateKind(widget({}))).toHaveLength(2);
  });

  it('can make spec optional', () => {
    const registry = createKindRegistry({ builtinKinds: false });
    registry.registerKind({ ...widgetKind, requireSpec: false });
    const { spec: _spec, ...withoutSpec } = widget({});
    expect(registry.validateKind(withoutSpec)).toEqual([]);
  });

  it('refuses duplicates, including case variants', () => {
    const registry = createKindRegistry();
    registry.registerKind(widgetKind);
    expect(codeOf(() => registry.registerKind(widgetKind))).toBe('CATALOG_MODEL_DUPLICATE_KIND');
    expect(() => registry.registerKind(widgetKind)).toThrow(
      "kind 'Widget' with apiVersion 'widgets.example.com/v1' is already registered; use a new apiVersion, or extendKind('Widget', ...) to add spec fields",
    );
    expect(() => registry.registerKind({ ...widgetKind, kind: 'WIDGET', apiVersions: ['x/v9'] })).toThrow(
      "kind 'WIDGET' differs only in case from the registered kind 'Widget'",
    );
    expect(() => registry.registerKind({ ...widgetKind, kind: 'Component' })).not.toThrow();
    expect(
      codeOf(() =>
        registry.registerKind({ ...widgetKind, kind: 'Component', apiVersions: ['backstage.io/v1alpha1'] }),
      ),
    ).toBe('CATALOG_MODEL_DUPLICATE_KIND');
  });

  it('refuses a malformed definition or schema at registration', () => {
    const registry = createKindRegistry();
    expect(codeOf(() => registry.registerKind({ ...widgetKind, kind: 'my-widget' }))).toBe(
      'CATALOG_MODEL_INVALID_KIND',
    );
    expect(codeOf(() => registry.registerKind({ ...widgetKind, apiVersions: [] }))).toBe(
      'CATALOG_MODEL_INVALID_KIND',
    );
    expect(() => registry.registerKind({ ...widgetKind, schema: { type: 'strin' } })).toThrow(
      "the schema of kind 'Widget' is not valid JSON Schema",
    );
    expect(registry.hasKind('Widget')).toBe(false);
  });

  it('can be disposed', () => {
    const registry = createKindRegistry();
    const registration = registry.registerKind(widgetKind);
    expect(registry.validateKind(widget({ owner: 'a', size: 1 }))).toEqual([]);
    registration.dispose();
    registration.dispose();
    expect(registry.hasKind('Widget')).toBe(false);
    expect(registry.validateKind(widget({ owner: 'a', size: 1 }))[0]?.path).toBe('kind');
  });

  it('supports formats and schemas with an $id across recompiles', () => {
    const registry = createKindRegistry();
    registry.registerKind({
      ...widgetKind,
      schema: {
        $id: 'https://example.com/widget.json',
        type: 'object',
        properties: { home: { format: 'uri' } },
      },
    });
    expect(registry.validateKind(widget({ home: 'https://example.com' }))).toEqual([]);
    expect(registry.validateKind(widget({ home: 'not a uri' }))).toEqual([
      { path: 'spec.home', message: 'spec.home must match format "uri"' },
    ]);
    registry.extendKind('Widget', { properties: { color: { type: 'string' } } });
    expect(registry.validateKind(widget({ home: 'not a uri', color: 1 }))).toHaveLength(2);
  });
});

describe('extendKind', () => {
  it('adds required spec fields to a built-in kind', () => {
    const registry = createKindRegistry();
    registry.extendKind('Component', {
      properties: { tier: { enum: ['1', '2', '3'] } },
      required: ['tier'],
    });
    expect(registry.validateKind(component({ tier: '1' }))).toEqual([]);
    expect(registry.validateKind(component())).toEqual([
      { path: 'spec.tier', message: "spec is missing required field 'tier'" },
    ]);
    expect(registry.validateKind(component({ tier: '9' }))).toEqual([
      { path: 'spec.tier', message: `spec.tier must be one of '1', '2', '3', found "9"` },
    ]);
  });

  it('keeps the base schema in force and applies to every apiVersion', () => {
    const registry = createKindRegistry();
    registry.extendKind('Component', { properties: { oncall: { type: 'string', minLength: 1 } } });
    const problems = registry.validateKind({
      ...component({ owner: '', oncall: '' }),
      apiVersion: 'backstage.io/v1beta1',
    });
    expect(problems).toEqual([
      { path: 'spec.owner', message: 'spec.owner must be a non-empty string' },
      { path: 'spec.oncall', message: 'spec.oncall must be a non-empty string' },
    ]);
  });

  it('combines extensions from several plugins, each disposable', () => {
    const registry = createKindRegistry();
    const first = registry.extendKind('Component', {
      properties: { a: { type: 'string' } },
      required: ['a'],
    });
    registry.extendKind('Component', { properties: { b: { type: 'string' } }, required: ['b'] });
    expect(registry.validateKind(component()).map((problem) => problem.path)).toEqual(['spec.a', 'spec.b']);
    first.dispose();
    expect(registry.validateKind(component()).map((problem) => problem.path)).toEqual(['spec.b']);
  });

  it('extends a plugin kind', () => {
    const registry = createKindRegistry();
    registry.registerKind(widgetKind);
    registry.extendKind('Widget', { properties: { color: { type: 'string' } } });
    expect(registry.validateKind(widget({ owner: 'a', size: 1, color: 3 }))).toEqual([
      { path: 'spec.color', message: 'spec.color must be a string, found number' },
    ]);
  });

  it('refuses an unknown kind or a malformed extension', () => {
    const registry = createKindRegistry();
    expect(codeOf(() => registry.extendKind('Gadget', { properties: {} }))).toBe(
      'CATALOG_MODEL_UNKNOWN_KIND',
    );
    expect(() => registry.extendKind('component', { properties: {} })).toThrow(
      "cannot extend kind 'component': it is not registered; known kinds: API, Component,",
    );
    expect(codeOf(() => registry.extendKind('Component', { properties: { x: { type: 7 } } }))).toBe(
      'CATALOG_MODEL_INVALID_KIND_SCHEMA',
    );
  });
});

describe('validateEntity', () => {
  it('accepts a valid entity', () => {
    expect(createKindRegistry().validateEntity(component())).toEqual([]);
  });

  it('reports envelope, field and schema problems together', () => {
    const value = {
      ...component({ owner: '' }),
      extra: true,
      metadata: { name: 'bad name', tags: ['Java'] },
    };
    expect(
      createKindRegistry()
        .validateEntity(value)
        .map((problem) => problem.path),
    ).toEqual(['extra', 'metadata.name', 'metadata.tags[0]', 'spec.owner']);
  });

  it('stops after a broken envelope', () => {
    const registry = createKindRegistry();
    expect(registry.validateEntity('x')).toHaveLength(1);
    expect(registry.validateEntity({ kind: 'Component', metadata: { name: 'bad name' } })).toEqual([
      { path: 'apiVersion', message: "entity is missing required field 'apiVersion'" },
    ]);
    expect(registry.validateEntity({ ...component(), spec: [] })).toEqual([
      { path: 'spec', message: 'spec must be an object, found array' },
    ]);
  });

  it('accepts relations and status only when asked to', () => {
    const registry = createKindRegistry();
    const stored = { ...component(), relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }] };
    expect(registry.validateEntity(stored)[0]?.path).toBe('relations');
    expect(registry.validateEntity(stored, { allowOutputFields: true })).toEqual([]);
  });

  it('reports an unknown kind as a problem, never by throwing', () => {
    const problems = createKindRegistry().validateEntity({ ...widget({}), apiVersion: 'x/v1' });
    expect(problems).toEqual([
      { path: 'kind', message: expect.stringContaining("kind 'Widget' (apiVersion 'x/v1')") },
    ]);
  });
});
