import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

let root: Logger | undefined;

/**
 * Sets up the process-wide logger once, from an entry point: pretty on a terminal, JSON lines otherwise
 * (files, pipes, containers). Process variable values must never be logged at info level; log keys instead.
 */
export function configureLogging(level = 'info', pretty = process.stdout.isTTY === true): Logger {
  root = pino({
    level,
    base: undefined,
    redact: { paths: ['password', '*.password', 'secret', '*.secret', 'authorization', '*.authorization'], remove: true },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'component', messageFormat: '[{component}] {msg}' },
          },
        }
      : {}),
  });
  return root;
}

/** The process-wide logger; JSON at info level until an entry point configures it. */
export function rootLogger(): Logger {
  return root ?? configureLogging('info', false);
}

/** A child logger for one component (engine, grpc, rest, worker:deadlines, web, db, …). */
export function componentLogger(component: string, parent: Logger = rootLogger()): Logger {
  return parent.child({ component });
}
