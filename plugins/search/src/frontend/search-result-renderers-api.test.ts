import { describe, expect, it } from 'vitest';
import { createSearchResultRenderers } from './search-result-renderers-api.js';

const Empty = () => null;

describe('createSearchResultRenderers', () => {
  it('labels a type by its renderer, and a type without one by its name made readable', () => {
    const renderers = createSearchResultRenderers([
      { type: 'techdocs', label: 'Documentation', component: Empty },
      { type: 'techdocs', label: 'Docs again', component: Empty },
    ]);
    expect(renderers.labelOf('techdocs')).toBe('Documentation');
    expect(renderers.labelOf('software-template')).toBe('Software template');
    expect(renderers.componentOf('techdocs')).toBe(Empty);
    expect(renderers.componentOf('software-template')).toBeUndefined();
    expect(renderers.all.map((r) => r.label)).toEqual(['Documentation']);
  });
});
