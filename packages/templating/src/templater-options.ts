import { AtriumError } from '@atrium/errors';
import type { SandboxSettings } from './sandbox-settings.js';
import { templatingErrorCodes } from './templating-error-codes.js';

/** Options of `createTemplater`; every limit applies inside the sandbox. */
export interface TemplaterOptions {
  /** Cookiecutter syntax: `{{ cookiecutter.x }}` delimiters plus the `jsonify` filter. */
  cookiecutterCompat?: boolean;
  /** Drop the first newline after a block tag (`{% ... %}`). */
  trimBlocks?: boolean;
  /** Strip spaces and tabs before a block tag at the start of a line. */
  lstripBlocks?: boolean;
  /** Time limit of each template evaluated (each string, each `renderMany` item); default 1000. */
  timeoutMs?: number;
  /** Largest rendered output of one template, in UTF-8 bytes; default 5 MB. */
  maxOutputBytes?: number;
  /** Largest list `range()` may create; default 1,000,000. */
  maxRangeItems?: number;
  /** Heap of the sandbox process, in MB; default 256. */
  memoryLimitMb?: number;
  /** Throw on expression errors in `renderValue` instead of keeping the string; default false. */
  strict?: boolean;
  /**
   * Extra filters as JavaScript source of a function, evaluated inside the sandbox (no Node
   * APIs there), e.g. `{ shout: '(value) => String(value).toUpperCase() + "!"' }`.
   */
  additionalFilters?: Record<string, string>;
  /** Extra globals as JavaScript source of a value or function, evaluated inside the sandbox. */
  globals?: Record<string, string>;
}

/** Per-call options of the render methods. */
export interface RenderOptions {
  /** Overrides the templater's `strict` for this call (only `renderValue` keeps strings). */
  strict?: boolean;
  /** Whether an earlier step failed: what the `failure()` global answers; default false. */
  failed?: boolean;
}

/** One file (or other text) rendered by `renderMany`. */
export interface RenderItem {
  template: string;
  /** Names the item in errors, e.g. the file path. */
  name?: string;
}

const MB = 1024 * 1024;

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new AtriumError(
      templatingErrorCodes.TEMPLATING_INVALID_OPTION,
      `createTemplater: option '${name}' must be a positive number, got ${value}`,
    );
  }
  return value;
}

/** Fills in defaults and checks the numeric limits. */
export function resolveSandboxSettings(options: TemplaterOptions): SandboxSettings {
  return {
    cookiecutterCompat: options.cookiecutterCompat ?? false,
    trimBlocks: options.trimBlocks ?? false,
    lstripBlocks: options.lstripBlocks ?? false,
    timeoutMs: positive('timeoutMs', options.timeoutMs, 1000),
    maxOutputBytes: positive('maxOutputBytes', options.maxOutputBytes, 5 * MB),
    maxRangeItems: positive('maxRangeItems', options.maxRangeItems, 1_000_000),
    memoryLimitMb: positive('memoryLimitMb', options.memoryLimitMb, 256),
    additionalFilters: { ...options.additionalFilters },
    globals: { ...options.globals },
  };
}
