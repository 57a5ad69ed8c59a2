import type { LoggerService, LogMeta } from '@atrium/kernel';

/** A logged line, as captured by {@link createCaptureLogger}. */
export interface CapturedLog {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  meta: Record<string, unknown>;
}

/** A logger that records lines in memory, so tests can assert what was logged. */
export interface CaptureLogger extends LoggerService {
  readonly lines: CapturedLog[];
}

/**
 * Creates a capturing logger; children share the same `lines`.
 *
 * @example
 * const logger = createCaptureLogger();
 * await startTestBackend({ features, logger });
 * expect(logger.lines.some((l) => l.level === 'error')).toBe(false);
 */
export function createCaptureLogger(lines: CapturedLog[] = [], fields: LogMeta = {}): CaptureLogger {
  const log = (level: CapturedLog['level']) => (message: string, meta?: LogMeta | Error) => {
    const extra = meta instanceof Error ? { error: meta.message } : (meta ?? {});
    lines.push({ level, message, meta: { ...fields, ...extra } });
  };
  return {
    lines,
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: (more) => createCaptureLogger(lines, { ...fields, ...more }),
  };
}
