import { ResponseError } from '@atrium/errors';

/** Options of {@link loadAppConfig}, for tests. */
export interface LoadAppConfigOptions {
  document?: Document;
  fetch?: typeof globalThis.fetch;
}

function readEmbedded(doc: Document | undefined): Record<string, unknown> | undefined {
  const text = doc?.getElementById('atrium-config')?.textContent?.trim();
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed) &&
      Object.keys(parsed).length > 0
    ) {
      return parsed as Record<string, unknown>;
    }
  } catch (error) {
    console.error('AtriumError [WEB_CONFIG_INVALID]: the atrium-config script tag holds invalid JSON', error);
  }
  return undefined;
}

/**
 * Loads the frontend config: the JSON the backend embeds in `index.html`
 * (`<script type="application/json" id="atrium-config">`), or, when that is empty as
 * under `vite dev`, `GET /api/app/config`. If neither works the app starts with `{}`
 * and its pages show the backend errors.
 *
 * @example
 * const app = createApp({ features, config: await loadAppConfig() });
 */
export async function loadAppConfig(options: LoadAppConfigOptions = {}): Promise<Record<string, unknown>> {
  const doc = options.document ?? globalThis.document;
  const embedded = readEmbedded(doc);
  if (embedded) return embedded;
  const fetchFn = options.fetch ?? globalThis.fetch;
  try {
    const response = await fetchFn('/api/app/config', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const config = (await response.json()) as Record<string, unknown>;
    // The dev server proxies /api to the backend, so API calls must stay on the page's
    // origin rather than go to the backend's own address (which would need CORS).
    const backend = (
      typeof config.backend === 'object' && config.backend !== null ? config.backend : {}
    ) as Record<string, unknown>;
    const origin = globalThis.location?.origin;
    return origin ? { ...config, backend: { ...backend, baseUrl: origin } } : config;
  } catch (error) {
    console.warn('Atrium: no embedded config and GET /api/app/config failed; starting with defaults.', error);
    return {};
  }
}
