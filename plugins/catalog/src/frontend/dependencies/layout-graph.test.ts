import { describe, expect, it } from 'vitest';
import { layoutGraph } from './layout-graph.js';

const box = (id: string) => ({ id, width: 100, height: 40 });

describe('layoutGraph', () => {
  it('places ranks left to right, routes edges and reserves room for labels', () => {
    const layout = layoutGraph(
      [box('a'), box('b'), box('c')],
      [
        { id: '1', from: 'a', to: 'b', label: 'dependsOn' },
        { id: '2', from: 'a', to: 'c' },
      ],
      'LR',
    );
    const [a, b, c] = layout.nodes;
    expect(a && b && c).toBeTruthy();
    expect(b?.x).toBeGreaterThan(a?.x ?? 0);
    expect(c?.x).toBeGreaterThan(a?.x ?? 0);
    expect(layout.edges[0]?.points.length).toBeGreaterThanOrEqual(2);
    expect(layout.edges[0]?.labelX).toBeTypeOf('number');
    expect(layout.edges[1]?.labelX).toBeUndefined();
    expect(layout.width).toBeGreaterThan(200);
  });

  it('stacks ranks top to bottom and keeps parallel edges apart', () => {
    const layout = layoutGraph(
      [box('a'), box('b')],
      [
        { id: '1', from: 'a', to: 'b', label: 'ownedBy' },
        { id: '2', from: 'b', to: 'a', label: 'dependsOn' },
      ],
      'TB',
    );
    expect(layout.nodes[1]?.y).not.toBe(layout.nodes[0]?.y);
    expect(layout.edges).toHaveLength(2);
    expect(layout.edges[0]?.labelX).not.toBe(layout.edges[1]?.labelX);
  });
});
