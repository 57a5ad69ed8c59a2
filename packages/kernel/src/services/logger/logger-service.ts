import { type DestinationStream, type Logger, pino } from 'pino';

/** Structured fields attached to a log line. */
export type LogMeta = Record<string, unknown>;

/** Structured logging; plugin loggers carry the plugin id on every line. */
export interface LoggerService {
  error(message: string, meta?: LogMeta | Error): void;
  warn(message: string, meta?: LogMeta | Error): void;
  info(message: string, meta?: LogMeta): void;
  debug(message: string, meta?: LogMeta): void;
  child(fields: LogMeta): LoggerService;
}

/** Options for {@link createRootLogger}. */
export interface RootLoggerOptions {
  level?: string;
  /** `json` in production, `pretty` for people at a terminal. */
  format?: 'json' | 'pretty';
  /** Where lines go; stdout unless given (tests capture lines here). */
  destination?: DestinationStream;
}

// Authorization headers and anything named like a credential never reach the logs.
const redact = {
  paths: [
    'req.headers.authorization',
    'headers.authorization',
    '*.password',
    '*.token',
    '*.secret',
    '*.secrets',
    '*.clientSecret',
    'password',
    'token',
    'secret',
    'secrets',
  ],
  censor: '[redacted]',
};

function wrap(logger: Logger): LoggerService {
  const withMeta =
    (level: 'error' | 'warn' | 'info' | 'debug') => (message: string, meta?: LogMeta | Error) => {
      if (meta instanceof Error) logger[level]({ err: meta }, message);
      else if (meta) logger[level](meta, message);
      else logger[level](message);
    };
  return {
    error: withMeta('error'),
    warn: withMeta('warn'),
    info: withMeta('info'),
    debug: withMeta('debug'),
    child: (fields) => wrap(logger.child(fields)),
  };
}

async function prettyStream(): Promise<DestinationStream> {
  const { default: pretty } = await import('pino-pretty');
  return pretty({
    colorize: process.stdout.isTTY,
    translateTime: 'HH:MM:ss.l',
    ignore: 'pid,hostname',
    sync: true,
  });
}

/**
 * Creates the backend's root logger (pino): JSON lines in production, readable lines in
 * development.
 *
 * @example
 * const logger = await createRootLogger({ format: 'pretty', level: 'debug' });
 * logger.child({ plugin: 'catalog' }).info('ready');
 */
export async function createRootLogger(options: RootLoggerOptions = {}): Promise<LoggerService> {
  const format = options.format ?? (process.env.NODE_ENV === 'production' ? 'json' : 'pretty');
  const destination =
    options.destination ?? (format === 'pretty' ? await prettyStream() : pino.destination({ sync: false }));
  const logger = pino(
    {
      level: options.level ?? 'info',
      redact,
      base: { service: 'atrium' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
  return wrap(logger);
}
