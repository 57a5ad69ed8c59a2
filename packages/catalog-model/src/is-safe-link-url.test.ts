import { describe, expect, it } from 'vitest';
import { isSafeLinkUrl } from './is-safe-link-url.js';

describe('isSafeLinkUrl', () => {
  it.each([
    'https://example.com',
    'http://localhost:3000/x?y=1#z',
    'mailto:team@example.com',
    'HTTPS://EXAMPLE.COM',
  ])('accepts %j', (url) => {
    expect(isSafeLinkUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001\u001fjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\r\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com',
    '',
    '   ',
  ])('rejects %j', (url) => {
    expect(isSafeLinkUrl(url)).toBe(false);
    expect(isSafeLinkUrl(url, { allowRelative: true })).toBe(false);
  });

  it('rejects relative URLs unless allowed', () => {
    for (const url of ['/catalog/default/component/x', 'docs/intro', '//example.com/x', '?q=1']) {
      expect(isSafeLinkUrl(url)).toBe(false);
      expect(isSafeLinkUrl(url, { allowRelative: true })).toBe(true);
    }
  });

  it('rejects non-strings', () => {
    expect(isSafeLinkUrl(undefined)).toBe(false);
    expect(isSafeLinkUrl({ href: 'https://x' })).toBe(false);
  });
});
