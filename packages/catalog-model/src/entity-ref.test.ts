import { InputError } from '@atrium/errors';
import { describe, expect, it } from 'vitest';
import type { Entity } from './entity.js';
import {
  DEFAULT_NAMESPACE,
  entityRefEquals,
  getCompoundEntityRef,
  parseEntityRef,
  splitEntityRef,
  stringifyEntityRef,
} from './entity-ref.js';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'My-Service', namespace: 'Shop' },
};

describe('parseEntityRef', () => {
  it('parses the full form', () => {
    expect(parseEntityRef('component:default/my-service')).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'my-service',
    });
  });

  it('keeps the casing as written', () => {
    expect(parseEntityRef('Component:Shop/My-Service')).toEqual({
      kind: 'Component',
      namespace: 'Shop',
      name: 'My-Service',
    });
  });

  it('defaults the namespace to default', () => {
    expect(DEFAULT_NAMESPACE).toBe('default');
    expect(parseEntityRef('group:team-a')).toEqual({ kind: 'group', namespace: 'default', name: 'team-a' });
  });

  it('applies the context defaults only to missing parts', () => {
    const context = { defaultKind: 'Group', defaultNamespace: 'ops' };
    expect(parseEntityRef('team-a', context)).toEqual({ kind: 'Group', namespace: 'ops', name: 'team-a' });
    expect(parseEntityRef('user:jdoe', context)).toEqual({ kind: 'user', namespace: 'ops', name: 'jdoe' });
    expect(parseEntityRef('hr/team-b', context)).toEqual({ kind: 'Group', namespace: 'hr', name: 'team-b' });
    expect(parseEntityRef('user:hr/jdoe', context)).toEqual({ kind: 'user', namespace: 'hr', name: 'jdoe' });
  });

  it('treats a ":" after the first "/" as part of the name', () => {
    expect(parseEntityRef('ns/a:b', { defaultKind: 'Component' })).toEqual({
      kind: 'Component',
      namespace: 'ns',
      name: 'a:b',
    });
  });

  it('lets the name contain further ":" and "/"', () => {
    expect(parseEntityRef('k:ns/a/b:c')).toEqual({ kind: 'k', namespace: 'ns', name: 'a/b:c' });
    expect(parseEntityRef('k:a:b')).toEqual({ kind: 'k', namespace: 'default', name: 'a:b' });
  });

  it.each([':x', 'a:/x', 'a:b/', '/x', 'x/', 'a:', ':'])('rejects the empty part in %j', (ref) => {
    expect(() => parseEntityRef(ref, { defaultKind: 'Component' })).toThrow(InputError);
    expect(() => parseEntityRef(ref, { defaultKind: 'Component' })).toThrow(
      `entity ref "${ref}" is not valid; expected [<kind>:][<namespace>/]<name>`,
    );
  });

  it('rejects an empty ref', () => {
    expect(() => parseEntityRef('')).toThrow('entity ref must not be empty');
  });

  it('rejects a kindless ref without a default kind', () => {
    expect(() => parseEntityRef('my-service')).toThrow(
      'entity ref "my-service" has no kind and no default kind applies; add one, e.g. "component:my-service"',
    );
    expect(() => parseEntityRef('ns/my-service')).toThrow(InputError);
  });

  it('accepts the compound form with defaults', () => {
    expect(parseEntityRef({ name: 'x' }, { defaultKind: 'API' })).toEqual({
      kind: 'API',
      namespace: 'default',
      name: 'x',
    });
    expect(parseEntityRef({ kind: 'User', namespace: 'hr', name: 'jdoe' })).toEqual({
      kind: 'User',
      namespace: 'hr',
      name: 'jdoe',
    });
  });

  it('rejects a compound ref with an empty part', () => {
    expect(() => parseEntityRef({ name: 'x' })).toThrow('has no kind');
    expect(() => parseEntityRef({ kind: '', name: 'x' }, { defaultKind: 'API' })).toThrow('has no kind');
    expect(() => parseEntityRef({ kind: 'API', namespace: '', name: 'x' })).toThrow('has an empty namespace');
    expect(() => parseEntityRef({ kind: 'API', name: '' })).toThrow('has an empty name');
  });

  it('gives the input ref in the error details', () => {
    try {
      parseEntityRef('a:');
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).details).toEqual({ ref: 'a:' });
      expect((error as InputError).code).toBe('INPUT_INVALID');
    }
  });
});

describe('splitEntityRef', () => {
  it('returns the parts as written, absent ones undefined', () => {
    expect(splitEntityRef('x')).toEqual({ kind: undefined, namespace: undefined, name: 'x' });
    expect(splitEntityRef('ns/x')).toEqual({ kind: undefined, namespace: 'ns', name: 'x' });
    expect(splitEntityRef('a:/x')).toBeUndefined();
  });
});

describe('stringifyEntityRef', () => {
  it('lowercases every part and defaults the namespace', () => {
    expect(stringifyEntityRef({ kind: 'Component', name: 'My-Service' })).toBe(
      'component:default/my-service',
    );
    expect(stringifyEntityRef({ kind: 'API', namespace: 'Shop', name: 'Orders' })).toBe('api:shop/orders');
  });

  it('accepts an entity', () => {
    expect(stringifyEntityRef(entity)).toBe('component:shop/my-service');
    expect(stringifyEntityRef({ ...entity, metadata: { name: 'x' } })).toBe('component:default/x');
  });

  it('round-trips through parseEntityRef', () => {
    const ref = 'component:shop/my-service';
    expect(stringifyEntityRef(parseEntityRef(ref))).toBe(ref);
  });
});

describe('getCompoundEntityRef', () => {
  it('keeps the stored casing and defaults the namespace', () => {
    expect(getCompoundEntityRef(entity)).toEqual({
      kind: 'Component',
      namespace: 'Shop',
      name: 'My-Service',
    });
    expect(getCompoundEntityRef({ ...entity, metadata: { name: 'x' } })).toEqual({
      kind: 'Component',
      namespace: 'default',
      name: 'x',
    });
  });
});

describe('entityRefEquals', () => {
  it('compares all parts case-insensitively across forms', () => {
    expect(entityRefEquals('Component:SHOP/my-service', entity)).toBe(true);
    expect(entityRefEquals({ kind: 'component', namespace: 'shop', name: 'MY-SERVICE' }, entity)).toBe(true);
    expect(entityRefEquals('component:x', { kind: 'Component', namespace: 'default', name: 'X' })).toBe(true);
  });

  it('tells different entities apart', () => {
    expect(entityRefEquals('api:shop/my-service', entity)).toBe(false);
    expect(entityRefEquals('component:default/my-service', entity)).toBe(false);
  });

  it('never matches a ref that does not parse with a kind', () => {
    expect(entityRefEquals('my-service', 'my-service')).toBe(false);
    expect(entityRefEquals('a:', 'a:')).toBe(false);
  });
});
