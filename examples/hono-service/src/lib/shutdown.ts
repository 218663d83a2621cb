import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Lifecycle } from './lifecycle.ts';

export type GracefulShutdownOptions = {
  server: Pick<Server, 'close' | 'closeIdleConnections' | 'closeAllConnections'>;
  lifecycle: Lifecycle;
  /** Releases what the process holds (the database) once the last request is answered. */
  onDrained: () => Promise<void>;
  logger: Logger;
  /** In-flight requests still running after this long are cut off. */
  timeoutMs: number;
};

// #region graceful-shutdown
/**
 * Returns the SIGTERM handler: `/health` turns 503, the listener closes (no new connections),
 * in-flight requests finish, idle keep-alive sockets are closed, then the database is closed.
 * Resolves `true` when everything drained in time, `false` when it had to cut requests off.
 * Calling it twice returns the same promise.
 */
export function createGracefulShutdown(options: GracefulShutdownOptions): (signal: string) => Promise<boolean> {
  const { server, lifecycle, onDrained, logger, timeoutMs } = options ?? {};
  if (!server || !lifecycle || typeof onDrained !== 'function' || !logger) throw new TypeError('createGracefulShutdown: server, lifecycle, onDrained and logger are required');
  if (!(timeoutMs > 0)) throw new TypeError('createGracefulShutdown: timeoutMs must be positive');
  let running: Promise<boolean> | undefined;

  return function shutdown(signal) {
    running ??= (async () => {
      logger.info({ signal }, 'shutting down: draining in-flight requests');
      lifecycle.startDraining();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets with no request in flight would hold `close` open forever.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
      });
      const cutOff = await Promise.race([closed.then(() => false), timedOut]);
      clearInterval(sweep);
      clearTimeout(timer);
      if (cutOff) {
        logger.warn({ timeoutMs }, 'shutdown timeout: closing the remaining connections');
        server.closeAllConnections();
      }
      await onDrained();
      logger.info('shutdown complete');
      return !cutOff;
    })();
    return running;
  };
}
// #endregion graceful-shutdown
