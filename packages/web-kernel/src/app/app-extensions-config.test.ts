import { describe, expect, it, vi } from 'vitest';
import { parseExtensionsConfig } from './app-extensions-config.js';
import { createDiagnosticsCollector } from './diagnostics.js';

const parse = (raw: unknown) => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const diagnostics = createDiagnosticsCollector();
  const entries = parseExtensionsConfig(raw, diagnostics);
  vi.restoreAllMocks();
  return { entries: [...entries.values()], diagnostics: diagnostics.list };
};

describe('parseExtensionsConfig', () => {
  it("reads Backstage's shapes: enable, disable, configure and re-attach", () => {
    const { entries, diagnostics } = parse([
      'page:catalog',
      { 'nav-item:search': false },
      {
        'entity-card:catalog/about': {
          attachTo: { id: 'entity-tab:catalog/overview', input: 'cards' },
          config: { a: 1 },
        },
      },
      { 'page:docs': null },
    ]);
    expect(diagnostics).toEqual([]);
    expect(entries).toEqual([
      { id: 'page:catalog', index: 0, disabled: false },
      { id: 'nav-item:search', index: 1, disabled: true },
      {
        id: 'entity-card:catalog/about',
        index: 2,
        attachTo: { id: 'entity-tab:catalog/overview', input: 'cards' },
        config: { a: 1 },
      },
      { id: 'page:docs', index: 3, disabled: false },
    ]);
  });

  it('reports entries it cannot read and keeps the rest', () => {
    const { entries, diagnostics } = parse([
      42,
      { a: true, b: false },
      { 'page:x': { atachTo: {} } },
      { 'page:y': { attachTo: 'app' } },
      'page:ok',
    ]);
    expect(entries.map((e) => e.id)).toEqual(['page:ok']);
    expect(diagnostics.map((d) => d.code)).toEqual(Array(4).fill('WEB_APP_CONFIG_INVALID_ENTRY'));
    expect(diagnostics[2]?.message).toContain("unknown key(s) 'atachTo'");
  });

  it('reports app.extensions that is not a list', () => {
    const { diagnostics } = parse({ 'page:catalog': true });
    expect(diagnostics[0]?.message).toContain('app.extensions must be an array');
  });
});
