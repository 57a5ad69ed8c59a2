import { InputError } from '@atrium/errors';
import { describe, expect, it } from 'vitest';
import { parseLocationRef, stringifyLocationRef } from './location-ref.js';

describe('parseLocationRef', () => {
  it('splits at the first colon', () => {
    expect(parseLocationRef('url:https://host/org/repo/blob/main/catalog-info.yaml')).toEqual({
      type: 'url',
      target: 'https://host/org/repo/blob/main/catalog-info.yaml',
    });
    expect(parseLocationRef('file:./x.yaml')).toEqual({ type: 'file', target: './x.yaml' });
  });

  it('trims both parts', () => {
    expect(parseLocationRef(' url : https://x ')).toEqual({ type: 'url', target: 'https://x' });
  });

  it.each(['url', 'url:', ':https://x', '', ' : '])('rejects %j', (ref) => {
    expect(() => parseLocationRef(ref)).toThrow(InputError);
    expect(() => parseLocationRef(ref)).toThrow('expected <type>:<target>');
  });

  it('asks for the url: prefix on a bare URL', () => {
    expect(() => parseLocationRef('https://host/x.yaml')).toThrow(
      'location ref "https://host/x.yaml" has no type; prefix it with "url:", e.g. "url:https://host/x.yaml"',
    );
  });

  it('rejects a non-string', () => {
    expect(() => parseLocationRef(42 as unknown as string)).toThrow(
      'location ref must be a string, found number',
    );
  });
});

describe('stringifyLocationRef', () => {
  it('joins type and target', () => {
    expect(stringifyLocationRef({ type: 'url', target: 'https://x/y.yaml' })).toBe('url:https://x/y.yaml');
  });

  it('round-trips', () => {
    const ref = 'url:https://host/a:b/c.yaml';
    expect(stringifyLocationRef(parseLocationRef(ref))).toBe(ref);
  });

  it('rejects empty parts', () => {
    expect(() => stringifyLocationRef({ type: '', target: 'x' })).toThrow('empty type');
    expect(() => stringifyLocationRef({ type: 'url', target: '' })).toThrow('empty target');
  });
});
