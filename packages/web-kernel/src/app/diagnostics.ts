import { AtriumError } from '@atrium/errors';
import type { WebKernelErrorCode } from '../web-kernel-error-codes.js';

/**
 * Stable codes of the problems `createApp` finds while building the extension tree,
 * declared (and described) in `webKernelErrorCodes`.
 */
export type AppDiagnosticCode = Extract<
  WebKernelErrorCode,
  `WEB_EXTENSION_${string}` | `WEB_APP_CONFIG_${string}` | `WEB_FEATURE_${string}` | 'WEB_API_DUPLICATE'
>;

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
