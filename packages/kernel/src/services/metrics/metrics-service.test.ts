import { describe, expect, it } from 'vitest';
import { createRootMetrics } from './metrics-service.js';

describe('createRootMetrics', () => {
  it("prefixes a plugin's instruments and gives a histogram without buckets the default ones", async () => {
    const metrics = createRootMetrics();
    const plugin = metrics.forPlugin('tech-radar');
    plugin.histogram('render_seconds', 'Render time').observe(0.3);
    plugin.histogram('fetch_seconds', 'Fetch time', ['source'], [1, 10]).observe({ source: 'git' }, 4);
    const text = await metrics.registry.metrics();
    expect(text).toContain('atrium_tech_radar_render_seconds_bucket{le="0.5"} 1');
    expect(text).toContain('atrium_tech_radar_render_seconds_count 1');
    expect(text).toContain('atrium_tech_radar_fetch_seconds_bucket{le="10",source="git"} 1');
    expect(text).not.toContain('atrium_tech_radar_fetch_seconds_bucket{le="0.5"');
  });
});
