import type { OperationNode, RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type EntityFilter, normalizeFilter } from './entity-filter.js';
import { countQuery, pageQuery } from './entity-query-sql.js';
import { MAX_SET_DRIVER_VALUES, pickDriver } from './filter-sql.js';

const owned: EntityFilter = {
  key: 'relations.ownedby',
  values: ['user:default/ada', 'group:default/team-a'],
};
const kind: EntityFilter = { key: 'kind', values: ['component'] };
// The SQL text of a fragment, read from its operation tree (no database): values as ?,
// references and identifiers by name.
type Node = OperationNode & Record<string, unknown>;
function render(node: Node): string {
  if (node.kind === 'RawNode') {
    const fragments = node.sqlFragments as string[];
    const parameters = node.parameters as Node[];
    return fragments.map((text, i) => text + (parameters[i] ? render(parameters[i]) : '')).join('');
  }
  if (node.kind === 'ValueNode') return '?';
  if (node.kind === 'IdentifierNode') return node.name as string;
  const children = Object.values(node).filter(
    (v): v is Node => typeof v === 'object' && v !== null && 'kind' in v,
  );
  return children.map(render).join('.');
}
const compile = (query: RawBuilder<unknown>) =>
  render(query.toOperationNode() as unknown as Node)
    .replace(/\s+/g, ' ')
    .toLowerCase();

describe('normalizeFilter', () => {
  it('drops double negations, however deep, and keeps a single one', () => {
    expect(normalizeFilter({ not: { not: owned } })).toEqual(owned);
    expect(normalizeFilter({ not: { not: { not: { not: owned } } } })).toEqual(owned);
    expect(normalizeFilter({ not: { not: { not: owned } } })).toEqual({ not: owned });
    expect(normalizeFilter({ allOf: [kind, { not: { not: owned } }] })).toEqual({ allOf: [kind, owned] });
  });
});

describe('pickDriver', () => {
  it('prefers a single-value leaf, then a few-valued leaf other than the kind', () => {
    const single = { key: 'spec.type', values: ['service'] };
    expect(pickDriver([owned, single])).toBe(single);
    expect(pickDriver([{ not: owned }, owned])).toBe(owned);
    expect(pickDriver([{ key: 'kind', values: ['api', 'component'] }])).toBeUndefined();
  });

  it('leaves a leaf with too many values to per-row checks', () => {
    const wide = {
      key: 'relations.ownedby',
      values: Array.from({ length: MAX_SET_DRIVER_VALUES + 1 }, (_, i) => `g${i}`),
    };
    expect(pickDriver([wide])).toBeUndefined();
    expect(pickDriver([{ ...wide, values: wide.values.slice(1) }])).toBeDefined();
  });
});

describe('the plan of a kind-constrained query', () => {
  const spec = { filter: { allOf: [kind, owned] } };

  it('reads a few-valued leaf as the entities in its ranges, not the kind range probed per row', () => {
    const page = compile(pageQuery(spec, { limit: 21 }, ['component']));
    expect(page).toContain(
      'from final_entities f where f.entity_id in (select entity_id from search where key = ? and kind = ? and value in (?, ?))',
    );
    expect(page).not.toContain('exists');
    const count = compile(countQuery(spec, ['component']));
    expect(count).toContain(
      'select count(*) as n from final_entities f where f.entity_id in (select entity_id from search',
    );
  });

  it('still reads a single value as one range and probes the rest', () => {
    const page = compile(
      pageQuery(
        { filter: { allOf: [kind, owned, { key: 'spec.type', values: ['service'] }] } },
        { limit: 21 },
        ['component'],
      ),
    );
    expect(page).toContain('s.key = ? and s.kind = ? and s.value = ?');
    expect(page).toContain('exists (select 1 from search x where x.key = ? and x.kind = ?');
  });
});
