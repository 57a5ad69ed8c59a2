import { AtriumError } from '@atrium/errors';

/** Stable codes of the problems `createApp` finds while building the extension tree. */
export type AppDiagnosticCode =
  | 'WEB_EXTENSION_INVALID_ID'
  | 'WEB_EXTENSION_DUPLICATE_ID'
  | 'WEB_EXTENSION_MISSING_PARENT'
  | 'WEB_EXTENSION_UNKNOWN_INPUT'
  | 'WEB_EXTENSION_INPUT_DATA_MISSING'
  | 'WEB_EXTENSION_SINGLETON_CONFLICT'
  | 'WEB_EXTENSION_REQUIRED_INPUT_MISSING'
  | 'WEB_EXTENSION_INVALID_CONFIG'
  | 'WEB_EXTENSION_FACTORY_FAILED'
  | 'WEB_EXTENSION_OUTPUT_MISSING'
  | 'WEB_EXTENSION_ATTACHMENT_CYCLE'
  | 'WEB_APP_CONFIG_INVALID_ENTRY'
  | 'WEB_APP_CONFIG_UNKNOWN_EXTENSION'
  | 'WEB_API_DUPLICATE';

/** One problem in the app's composition, attributed to the extension it concerns. */
export interface AppDiagnostic {
  code: AppDiagnosticCode;
  /** The extension at fault, when there is one. */
  extensionId?: string;
  /** Names the ids, the rule broken and the fix. */
  message: string;
}

/** Collects diagnostics and logs each one as it is found. */
export interface DiagnosticsCollector {
  readonly list: AppDiagnostic[];
  report(code: AppDiagnosticCode, extensionId: string | undefined, message: string, cause?: unknown): void;
}

/**
 * Creates a collector that logs every problem with `console.error` as an `AtriumError`,
 * so the message reads `AtriumError [CODE]: extension 'x' ...` in the browser console.
 *
 * @example
 * const diagnostics = createDiagnosticsCollector();
 */
export function createDiagnosticsCollector(): DiagnosticsCollector {
  const list: AppDiagnostic[] = [];
  return {
    list,
    report(code, extensionId, message, cause) {
      list.push(extensionId === undefined ? { code, message } : { code, extensionId, message });
      const error = new AtriumError(code, message, { cause, details: { extensionId } });
      if (cause === undefined) console.error(String(error));
      else console.error(String(error), cause);
    },
  };
}
