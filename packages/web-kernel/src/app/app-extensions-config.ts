import type { ExtensionAttachment } from '../extensions/define-extension.js';
import type { DiagnosticsCollector } from './diagnostics.js';

/** One `app.extensions` entry, normalised. */
export interface ExtensionConfigEntry {
  id: string;
  /** Position in `app.extensions`; orders siblings within an input. */
  index: number;
  disabled?: boolean;
  attachTo?: ExtensionAttachment;
  /** Raw config, validated later against the extension's schema. */
  config?: unknown;
}

const shapeHelp =
  "use '- <id>' to enable, '- <id>: false' to disable, or '- <id>: { attachTo: { id, input }, config: {...} }'";

function isAttachment(value: unknown): value is ExtensionAttachment {
  const v = value as Partial<ExtensionAttachment> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.input === 'string';
}

function parseSettings(
  id: string,
  index: number,
  value: unknown,
  diagnostics: DiagnosticsCollector,
): ExtensionConfigEntry | undefined {
  if (value === true || value === null) return { id, index, disabled: false };
  if (value === false) return { id, index, disabled: true };
  if (typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.report(
      'WEB_APP_CONFIG_INVALID_ENTRY',
      id,
      `app.extensions[${index}] for '${id}' is invalid: ${shapeHelp}.`,
    );
    return undefined;
  }
  const settings = value as Record<string, unknown>;
  const unknownKeys = Object.keys(settings).filter(
    (key) => !['attachTo', 'config', 'disabled'].includes(key),
  );
  if (unknownKeys.length > 0 || (settings.attachTo !== undefined && !isAttachment(settings.attachTo))) {
    const problem =
      unknownKeys.length > 0
        ? `unknown key(s) ${unknownKeys.map((k) => `'${k}'`).join(', ')}`
        : "'attachTo' must be { id, input }";
    diagnostics.report(
      'WEB_APP_CONFIG_INVALID_ENTRY',
      id,
      `app.extensions[${index}] for '${id}' has ${problem}; allowed keys are 'attachTo', 'config' and 'disabled'.`,
    );
    return undefined;
  }
  const entry: ExtensionConfigEntry = { id, index };
  if (typeof settings.disabled === 'boolean') entry.disabled = settings.disabled;
  if (isAttachment(settings.attachTo))
    entry.attachTo = { id: settings.attachTo.id, input: settings.attachTo.input };
  if (settings.config !== undefined) entry.config = settings.config;
  return entry;
}

/**
 * Reads the `app.extensions` array (Backstage's shape): `- page:catalog` enables,
 * `- nav-item:search: false` disables, and an object sets `attachTo`, `config` or
 * `disabled`. Bad entries are reported and skipped; later entries for an id win.
 *
 * @example
 * parseExtensionsConfig(['page:catalog', { 'nav-item:search': false }], diagnostics);
 */
export function parseExtensionsConfig(
  raw: unknown,
  diagnostics: DiagnosticsCollector,
): Map<string, ExtensionConfigEntry> {
  const entries = new Map<string, ExtensionConfigEntry>();
  if (raw === undefined || raw === null) return entries;
  if (!Array.isArray(raw)) {
    diagnostics.report(
      'WEB_APP_CONFIG_INVALID_ENTRY',
      undefined,
      `app.extensions must be an array (a YAML list); ${shapeHelp}. The setting was ignored.`,
    );
    return entries;
  }
  raw.forEach((item: unknown, index) => {
    let entry: ExtensionConfigEntry | undefined;
    if (typeof item === 'string') {
      entry = { id: item, index, disabled: false };
    } else if (
      typeof item === 'object' &&
      item !== null &&
      !Array.isArray(item) &&
      Object.keys(item).length === 1
    ) {
      const [id, value] = Object.entries(item)[0] as [string, unknown];
      entry = parseSettings(id, index, value, diagnostics);
    } else {
      diagnostics.report(
        'WEB_APP_CONFIG_INVALID_ENTRY',
        undefined,
        `app.extensions[${index}] is neither an id nor a one-key object; ${shapeHelp}.`,
      );
    }
    if (entry) entries.set(entry.id, { ...entries.get(entry.id), ...entry });
  });
  return entries;
}
