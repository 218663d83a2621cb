import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * The service logger: one JSON object per line on stdout, ready for Datadog or Application
 * Insights. `destination` lets tests capture lines and the bench discard them.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'hono-service' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Tokens must never reach a log line, even when someone logs a whole request.
      redact: ['req.headers.authorization', 'headers.authorization'],
    },
    options.destination,
  );
}

export type { Logger };
