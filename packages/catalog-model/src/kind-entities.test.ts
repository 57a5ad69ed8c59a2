import { describe, expect, it } from 'vitest';
import type { Entity } from './entity.js';
import {
  type ComponentEntity,
  isApiEntity,
  isComponentEntity,
  isDomainEntity,
  isGroupEntity,
  isLocationEntity,
  isResourceEntity,
  isSystemEntity,
  isUserEntity,
} from './kind-entities.js';
import { isTemplateEntity, type TemplateEntity } from './template-entity.js';

const of = (kind: string): Entity => ({ apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name: 'x' } });

describe('kind guards', () => {
  it.each([
    [isComponentEntity, 'Component'],
    [isApiEntity, 'API'],
    [isResourceEntity, 'Resource'],
    [isSystemEntity, 'System'],
    [isDomainEntity, 'Domain'],
    [isGroupEntity, 'Group'],
    [isUserEntity, 'User'],
    [isLocationEntity, 'Location'],
    [isTemplateEntity, 'Template'],
  ] as const)('%o recognizes %s in any case and nothing else', (guard, kind) => {
    expect(guard(of(kind))).toBe(true);
    expect(guard(of(kind.toUpperCase()))).toBe(true);
    expect(guard(of('Widget'))).toBe(false);
  });

  it('narrows to the kind-specific type', () => {
    const entity: Entity = {
      ...of('Component'),
      spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    };
    if (!isComponentEntity(entity)) throw new Error('expected a component');
    const owner: string = entity.spec.owner;
    expect(owner).toBe('team-a');
  });

  it('pins the kind-specific shapes', () => {
    const component: ComponentEntity = {
      apiVersion: 'backstage.io/v1beta1',
      kind: 'Component',
      metadata: { name: 'x' },
      spec: { type: 'service', lifecycle: 'production', owner: 'team-a', dependsOn: ['resource:db'] },
    };
    const missingOwner: ComponentEntity = {
      ...component,
      // @ts-expect-error a Component needs an owner
      spec: { type: 'service', lifecycle: 'production' },
    };
    const template: TemplateEntity = {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 't' },
      spec: { type: 'service', steps: [{ action: 'debug:log', input: { message: 'hi' } }] },
    };
    // @ts-expect-error templates use the scaffolder apiVersion
    const wrongVersion: TemplateEntity = { ...template, apiVersion: 'backstage.io/v1alpha1' };
    expect([component, missingOwner, template, wrongVersion]).toHaveLength(4);
  });
});
