import { describe, expect, it } from 'vitest';
import type { JsonObject } from './config-reader.js';
import { mergeConfig, setConfigPath } from './merge-config.js';

describe('mergeConfig', () => {
  it('merges objects deeply and replaces scalars and arrays', () => {
    const base = { backend: { listen: { host: '127.0.0.1', port: 0 }, tags: ['a', 'b'] }, title: 'A' };
    const merged = mergeConfig(base, { backend: { listen: { port: 7007 }, tags: ['c'] }, title: null });
    expect(merged).toEqual({
      backend: { listen: { host: '127.0.0.1', port: 7007 }, tags: ['c'] },
      title: null,
    });
  });

  it('leaves both inputs unchanged', () => {
    const base = { a: { b: 1 } };
    const override = { a: { c: 2 } };
    mergeConfig(base, override);
    expect(base).toEqual({ a: { b: 1 } });
    expect(override).toEqual({ a: { c: 2 } });
  });

  it('replaces an object with a scalar and a scalar with an object', () => {
    expect(mergeConfig({ a: { b: 1 }, c: 1 }, { a: 'x', c: { d: 2 } })).toEqual({ a: 'x', c: { d: 2 } });
  });
});

describe('setConfigPath', () => {
  it('creates missing parents and replaces scalars on the way', () => {
    const target: JsonObject = { backend: 'x' };
    setConfigPath(target, ['backend', 'listen', 'port'], 8080);
    expect(target).toEqual({ backend: { listen: { port: 8080 } } });
  });
});
