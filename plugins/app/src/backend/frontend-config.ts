import { AtriumError } from '@atrium/errors';
import type { ConfigReader, JsonObject, JsonValue, PluginFeature } from '@atrium/kernel';
import { selectConfigByVisibility } from '@atrium/kernel';
import { appErrorCodes } from './app-error-codes.js';

function mergeInto(target: JsonObject, key: string, value: JsonValue | undefined) {
  if (value === undefined) return;
  const current = target[key];
  target[key] =
    current &&
    typeof current === 'object' &&
    !Array.isArray(current) &&
    value &&
    typeof value === 'object' &&
    !Array.isArray(value)
      ? { ...current, ...value }
      : value;
}

/**
 * The config the browser may see: every value some installed plugin's schema marks
 * frontend-visible, plus the few kernel keys the app needs. Secrets and unmarked keys
 * never leave the server.
 */
export function buildFrontendConfig(plugins: readonly PluginFeature[], config: ConfigReader): JsonObject {
  const out: JsonObject = {};
  for (const plugin of plugins) {
    if (!plugin.config) continue;
    // The parsed value carries the schema's defaults (the app title, say) as the backend sees them.
    const raw = config.getOptional(plugin.configKey);
    const parsed = plugin.config.safeParse(raw);
    const value = (parsed.success ? parsed.data : raw) as JsonValue | undefined;
    mergeInto(out, plugin.configKey, selectConfigByVisibility(plugin.config, value, 'frontend'));
  }
  const backendBaseUrl = config.getOptionalString('backend.baseUrl');
  if (backendBaseUrl) out.backend = { baseUrl: backendBaseUrl };
  const organization = config.getOptionalString('organization.name');
  if (organization) out.organization = { name: organization };
  return out;
}

/** Puts the config into index.html's `atrium-config` tag; `<` is escaped so no value can close the script. */
export function injectConfig(indexHtml: string, frontendConfig: JsonObject): string {
  const json = JSON.stringify(frontendConfig)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const tag = /(<script type="application\/json" id="atrium-config">)[\s\S]*?(<\/script>)/;
  if (!tag.test(indexHtml)) {
    throw new AtriumError(
      appErrorCodes.APP_INDEX_WITHOUT_CONFIG_TAG,
      'index.html has no <script type="application/json" id="atrium-config"> tag to fill; rebuild the web app from its template',
    );
  }
  return indexHtml.replace(tag, (_, open: string, close: string) => `${open}${json}${close}`);
}
