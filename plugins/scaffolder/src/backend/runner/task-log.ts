import type { LoggerService, LogMeta } from '@atrium/kernel';
import type { LogEventBody, StepStatus } from '../../common/index.js';
import type { Redactor } from './redactor.js';

/** Where a run's log lines go: the events table for tasks, a list for dry runs. */
export type LogSink = (body: LogEventBody) => Promise<void>;

/** The log of one run: every line passes the redactor before it is stored. */
export interface TaskLog {
  log(message: string, step?: { stepId: string; status?: StepStatus }): Promise<void>;
  /** A logger for action code; its lines are queued in order and written by `flush`. */
  stepLogger(stepId: string): LoggerService;
  /** Waits until every queued line is written. */
  flush(): Promise<void>;
}

function format(message: string, meta?: LogMeta | Error): string {
  if (meta instanceof Error) return `${message}: ${meta.message}`;
  if (!meta || Object.keys(meta).length === 0) return message;
  return `${message} ${JSON.stringify(meta)}`;
}

/** Creates the log of one run. */
export function createTaskLog(sink: LogSink, redactor: Redactor, pluginLogger: LoggerService): TaskLog {
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (body: LogEventBody) => {
    const redacted = { ...body, message: redactor.redact(body.message) };
    queue = queue.then(
      () => sink(redacted),
      () => sink(redacted),
    );
    return queue;
  };
  const stepLogger = (stepId: string, fields: LogMeta = {}): LoggerService => {
    const write = (level: string) => (message: string, meta?: LogMeta | Error) => {
      const text = format(message, meta instanceof Error ? meta : meta ? { ...fields, ...meta } : undefined);
      if (level === 'debug') {
        pluginLogger.debug(redactor.redact(text), { stepId });
        return;
      }
      enqueue({ message: level === 'info' ? text : `${level}: ${text}`, stepId }).catch((error: unknown) =>
        pluginLogger.warn(`could not store a log line of step '${stepId}'`, error as Error),
      );
    };
    return {
      error: write('error'),
      warn: write('warn'),
      info: write('info'),
      debug: write('debug'),
      child: (more) => stepLogger(stepId, { ...fields, ...more }),
    };
  };
  return {
    log: (message, step) => enqueue({ message, ...step }),
    stepLogger: (stepId) => stepLogger(stepId),
    flush: () => queue.catch(() => undefined),
  };
}
