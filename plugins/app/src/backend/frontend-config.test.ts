import { describe, expect, it } from 'vitest';
import { appErrorCodes } from './app-error-codes.js';
import { injectConfig } from './frontend-config.js';

describe('injectConfig', () => {
  it('fills the atrium-config tag, escaping what could close the script', () => {
    const html = '<head><script type="application/json" id="atrium-config">{}</script></head>';
    expect(injectConfig(html, { title: '</script>' })).toBe(
      '<head><script type="application/json" id="atrium-config">{"title":"\\u003c/script>"}</script></head>',
    );
  });

  it('refuses an index.html without the tag, with a code and what to do', () => {
    expect(() => injectConfig('<head></head>', {})).toThrowError(
      expect.objectContaining({
        code: appErrorCodes.APP_INDEX_WITHOUT_CONFIG_TAG,
        message: expect.stringContaining('rebuild the web app from its template'),
      }),
    );
  });
});
