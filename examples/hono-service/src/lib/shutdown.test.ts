import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createLifecycle } from './lifecycle.ts';
import { createLogger } from './logger.ts';
import { createGracefulShutdown } from './shutdown.ts';

const logger = createLogger({ level: 'silent' });
let server: Server | undefined;

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

async function start(app: Hono) {
  server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('graceful shutdown', () => {
  it('finishes the request in flight, refuses new connections, then closes the database', async () => {
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    const lifecycle = createLifecycle();
    const app = new Hono()
      .get('/slow', async (c) => {
        arrived();
        await released;
        events.push('slow request answered');
        return c.text('done');
      })
      .get('/health', (c) => c.text(lifecycle.draining ? 'draining' : 'ok', lifecycle.draining ? 503 : 200));
    const url = await start(app);
    const shutdown = createGracefulShutdown({
      server: server!,
      lifecycle,
      logger,
      timeoutMs: 5_000,
      onDrained: async () => {
        events.push('database closed');
      },
    });

    const slow = fetch(`${url}/slow`).then(async (response) => ({ status: response.status, text: await response.text(), connection: response.headers.get('connection') }));
    await inFlight;
    const done = shutdown('SIGTERM');
    expect(lifecycle.draining).toBe(true);
    await expect(fetch(`${url}/health`)).rejects.toThrow(); // listener closed: no new connections
    expect(events).toEqual([]);

    release();
    // Answered in full, and told not to reuse the connection.
    expect(await slow).toEqual({ status: 200, text: 'done', connection: 'close' });
    expect(await done).toBe(true);
    expect(events).toEqual(['slow request answered', 'database closed']);
    expect(shutdown('SIGTERM')).toBe(done);
  });

  it('closes an idle keep-alive connection only after it has been idle for idleGraceMs', async () => {
    const url = await start(new Hono().get('/', (c) => c.text('ok')));
    const shutdown = createGracefulShutdown({ server: server!, lifecycle: createLifecycle(), logger, timeoutMs: 5_000, idleGraceMs: 300, onDrained: async () => {} });
    const agent = new Agent({ keepAlive: true });
    const closedAt = new Promise<number>((resolve) => {
      const req = request(`${url}/`, { agent }, (res) => {
        res.resume();
        res.socket.once('close', () => resolve(Date.now()));
      });
      req.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the answered connection is now idle
    const started = Date.now();
    const done = shutdown('SIGTERM');
    expect((await closedAt) - started).toBeGreaterThanOrEqual(200);
    expect(await done).toBe(true);
    agent.destroy();
  });

  it('validates its options when created', () => {
    expect(() => createGracefulShutdown({ server: server!, lifecycle: createLifecycle(), logger, timeoutMs: 0, onDrained: async () => {} })).toThrow(TypeError);
  });

  it('cuts off requests that outlive the timeout and reports it', async () => {
    const app = new Hono().get('/hang', () => new Promise<Response>(() => {}));
    const url = await start(app);
    const shutdown = createGracefulShutdown({ server: server!, lifecycle: createLifecycle(), logger, timeoutMs: 200, onDrained: async () => {} });
    const hanging = fetch(`${url}/hang`).catch(() => 'cut off');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await shutdown('SIGTERM')).toBe(false);
    expect(await hanging).toBe('cut off');
  });
});
