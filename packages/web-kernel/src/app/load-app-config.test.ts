// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAppConfig } from './load-app-config.js';

const withTag = (text: string) => {
  document.body.innerHTML = `<script type="application/json" id="atrium-config">${text}</script>`;
};

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('loadAppConfig', () => {
  it('reads the config the backend embedded in index.html', async () => {
    withTag('{"app":{"title":"Portal"}}');
    const fetchFn = vi.fn<typeof fetch>();
    expect(await loadAppConfig({ fetch: fetchFn })).toEqual({ app: { title: 'Portal' } });
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('fetches /api/app/config when the tag is empty (vite dev) and keeps API calls on the page origin', async () => {
    withTag('{}');
    const fetchFn = vi
      .fn<typeof fetch>()
      .mockResolvedValue(
        new Response(
          JSON.stringify({ app: { title: 'Dev' }, backend: { baseUrl: 'http://localhost:7007' } }),
        ),
      );
    const config = await loadAppConfig({ fetch: fetchFn });
    expect(fetchFn.mock.calls[0]?.[0]).toBe('/api/app/config');
    expect(config).toEqual({ app: { title: 'Dev' }, backend: { baseUrl: window.location.origin } });
  });

  it('starts with defaults when there is no backend', async () => {
    withTag('{}');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fetchFn = vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch'));
    expect(await loadAppConfig({ fetch: fetchFn })).toEqual({});
  });
});
