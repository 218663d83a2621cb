import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { Logger } from 'pino';
import type { Lifecycle } from './lifecycle.ts';

export type GracefulShutdownOptions = {
  server: Server;
  lifecycle: Lifecycle;
  /** Releases what the process holds (the database, Redis) once the last response is sent. */
  onDrained: () => Promise<void>;
  logger: Logger;
  /** Requests still running after this long are cut off. */
  timeoutMs: number;
  /**
   * While draining, a keep-alive connection is closed once it has been idle this long. A client
   * that keeps sending gets `Connection: close` on its next response instead, so it is never cut.
   */
  idleGraceMs?: number;
};

/** Per connection: requests being answered, and since when it has been idle. */
type ConnectionState = { inFlight: number; idleSince: number };

// #region graceful-shutdown
/**
 * Returns the SIGTERM handler, and starts tracking connections at once (it must know every
 * socket by the time the signal comes). On SIGTERM: `/health` turns 503, the listener closes (new
 * connections are refused), every response from then on carries `Connection: close` (the client
 * stops reusing the socket, and Node closes it once the response is written), a connection idle
 * for `idleGraceMs` is closed, then `onDrained` runs. Resolves `true` when everything drained in
 * time, `false` when it had to cut requests off. Calling it twice returns the same promise.
 *
 * Why not `server.close()`: it also closes every connection idle at that instant, including the
 * ones whose client has just written its next request, which then sees ECONNRESET.
 */
export function createGracefulShutdown(options: GracefulShutdownOptions): (signal: string) => Promise<boolean> {
  const { server, lifecycle, onDrained, logger, timeoutMs, idleGraceMs = 1_000 } = options ?? {};
  if (!server || !lifecycle || typeof onDrained !== 'function' || !logger) throw new TypeError('createGracefulShutdown: server, lifecycle, onDrained and logger are required');
  if (!(timeoutMs > 0) || !(idleGraceMs >= 0)) throw new TypeError('createGracefulShutdown: timeoutMs must be positive and idleGraceMs >= 0');
  const connections = new Map<Socket, ConnectionState>();
  const answering = new Set<ServerResponse>();
  let draining = false;

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { inFlight: 0, idleSince: Date.now() });
    socket.once('close', () => connections.delete(socket));
  });
  server.on('request', (request, response: ServerResponse) => {
    const state = connections.get(request.socket);
    if (state) state.inFlight++;
    answering.add(response);
    if (draining) response.setHeader('Connection', 'close');
    response.once('close', () => {
      answering.delete(response);
      if (state) {
        state.inFlight--;
        state.idleSince = Date.now();
      }
    });
  });

  let running: Promise<boolean> | undefined;
  return function shutdown(signal) {
    running ??= (async () => {
      logger.info({ signal, connections: connections.size }, 'shutting down: draining in-flight requests');
      lifecycle.startDraining();
      draining = true;
      // Responses already being prepared close their connection too, unless already written.
      for (const response of answering) if (!response.headersSent) response.setHeader('Connection', 'close');
      // net.Server's close: stop accepting, leave open connections alone (see above).
      const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      const sweep = setInterval(() => {
        const now = Date.now();
        for (const [socket, state] of connections) if (state.inFlight === 0 && now - state.idleSince >= idleGraceMs) socket.destroy();
      }, Math.min(100, Math.max(10, idleGraceMs / 2)));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
      });
      const cutOff = await Promise.race([closed.then(() => false), timedOut]);
      clearInterval(sweep);
      clearTimeout(timer);
      if (cutOff) {
        logger.warn({ timeoutMs, connections: connections.size }, 'shutdown timeout: closing the remaining connections');
        for (const socket of connections.keys()) socket.destroy();
      }
      await onDrained();
      logger.info('shutdown complete');
      return !cutOff;
    })();
    return running;
  };
}
// #endregion graceful-shutdown
