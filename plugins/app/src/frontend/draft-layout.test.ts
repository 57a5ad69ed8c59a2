import type { AppNodeInfo } from '@atrium/web-kernel';
import { describe, expect, it } from 'vitest';
import { draftEntries, groupExtensions, kindsOf, reorder, toDraft, updateSettings } from './draft-layout.js';

const node = (id: string, attachTo: { id: string; input: string }, config?: unknown): AppNodeInfo => ({
  id,
  attachTo,
  isEnabled: true,
  isBuilt: true,
  ...(config ? { config } : {}),
});
const tabs = { id: 'page:catalog/entity', input: 'tabs' };
const nav = { id: 'app/layout', input: 'nav' };
const nodes = [
  node('entity-tab:catalog/overview', tabs),
  node('entity-tab:catalog/docs', tabs),
  node('entity-tab:catalog/api', tabs, { filter: { kind: 'API' } }),
  node('nav-item:search', nav),
  node('api:catalog', { id: 'app', input: 'apis' }),
];

describe('the layout draft', () => {
  it('orders a group as the app does: entries by position, then the rest as declared', () => {
    const draft = toDraft(['entity-tab:catalog/api']);
    const [tabGroup, navGroup] = groupExtensions(nodes, draft);
    expect(tabGroup?.title).toBe('Entity tabs');
    expect(tabGroup?.perKind).toBe(true);
    expect(tabGroup?.items.map((n) => n.id)).toEqual([
      'entity-tab:catalog/api',
      'entity-tab:catalog/overview',
      'entity-tab:catalog/docs',
    ]);
    expect(navGroup?.title).toBe('Navigation items');
    // APIs and themes are not layout.
    expect(groupExtensions(nodes, draft).some((g) => g.key.endsWith('#apis'))).toBe(false);
  });

  it('reorders a whole group and toggles one extension, as entries layered over the base', () => {
    let draft = toDraft([{ 'entity-tab:catalog/docs': { config: { title: 'Docs' } } }]);
    draft = reorder(draft, ['entity-tab:catalog/docs', 'entity-tab:catalog/overview']);
    draft = updateSettings(draft, 'entity-tab:catalog/overview', { disabled: true });
    expect(draftEntries(draft)).toEqual([
      { 'entity-tab:catalog/docs': { config: { title: 'Docs' } } },
      { 'entity-tab:catalog/overview': { disabled: true } },
    ]);
    const effective = toDraft(['entity-tab:catalog/overview'], draftEntries(draft));
    expect(effective.get('entity-tab:catalog/overview')).toEqual({ disabled: true });
    expect([...effective.keys()]).toEqual(['entity-tab:catalog/docs', 'entity-tab:catalog/overview']);
  });

  it('reads the entity kinds a tab or card is limited to', () => {
    expect(kindsOf({ filter: { kind: 'API' } })).toEqual(['API']);
    expect(kindsOf({ filter: { kind: ['Component', 'System'] } })).toEqual(['Component', 'System']);
    expect(kindsOf(undefined)).toEqual([]);
  });
});
