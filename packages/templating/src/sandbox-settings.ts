/** Everything the sandbox process needs to build its realm; sent to it as JSON. */
export interface SandboxSettings {
  cookiecutterCompat: boolean;
  trimBlocks: boolean;
  lstripBlocks: boolean;
  timeoutMs: number;
  maxOutputBytes: number;
  maxRangeItems: number;
  memoryLimitMb: number;
  additionalFilters: Record<string, string>;
  globals: Record<string, string>;
}

/** How one item is rendered inside the sandbox. */
type SandboxItemMode = 'string' | 'value' | 'status';

/** One template sent to the sandbox in a batch. */
export interface SandboxItem {
  template: string;
  mode: SandboxItemMode;
}

/** What the sandbox reports for one item (parsed from its JSON answer). */
export type SandboxItemResult =
  | { t: 'text'; text: string; coercible?: boolean }
  | { t: 'value'; json?: string }
  | { t: 'error'; reason: 'syntax' | 'render' | 'output'; message: string; line?: number; column?: number };

/** A failure of a whole request, reported by the sandbox process rather than per item. */
export interface SandboxFailure {
  code: string;
  message?: string;
  index?: number;
}
