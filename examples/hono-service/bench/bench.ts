import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { childrenCpuMicros, findWrk, runWrk } from './wrk.ts';

// `npm run bench`: bare Hono vs. the per-response floor vs. the full middleware chain vs. the full route with its DB read,
// each with wrk (or autocannon where wrk is not installed, or with BENCH_CLIENT=autocannon), 50 connections, on loopback. Not a test: numbers depend on the machine.
// Rounds interleave the scenarios, and each figure is the median over rounds: on a shared machine a
// burst of someone else's work then skews one round of every scenario, not one whole scenario.
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const duration = Number(process.env.BENCH_DURATION ?? 10);
if (!Number.isInteger(rounds) || rounds < 1 || !(duration >= 1)) {
  console.error(`bench: BENCH_ROUNDS must be a whole number >= 1 and BENCH_DURATION a number of seconds >= 1 (got ${process.env.BENCH_ROUNDS ?? 3} and ${process.env.BENCH_DURATION ?? 10})`);
  process.exit(2);
}
const roundSeconds = Math.max(1, Math.round(duration / rounds));
const connections = 50;
// wrk where it is installed (a C client: the server sets the pace), else autocannon; BENCH_CLIENT forces one.
const wrk = process.env.BENCH_CLIENT === 'autocannon' ? undefined : findWrk();
if (process.env.BENCH_CLIENT === 'wrk' && !wrk) {
  console.error('bench: BENCH_CLIENT=wrk but wrk is not installed (apt-get install wrk)');
  process.exit(2);
}
const clientName = wrk ? 'wrk' : 'autocannon';

const child = spawn(process.execPath, [new URL('./servers.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], env: process.env });
/** CPU time (user + system, µs) the servers' process has used so far. */
const serverCpu = () =>
  new Promise<number>((resolve) => {
    child.once('message', (usage) => resolve((usage as NodeJS.CpuUsage).user + (usage as NodeJS.CpuUsage).system));
    child.send('cpu-usage');
  });
/** CPU time (µs) of the load generator: this process (autocannon), or wrk's finished runs. */
const clientCpu = () => {
  if (wrk) return childrenCpuMicros();
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

/** One load run against a scenario with the chosen client. */
async function load(scenario: (typeof scenarios)[number], seconds: number) {
  if (wrk) {
    const result = await runWrk(wrk, { url: scenario.url, connections, seconds, headers: scenario.headers });
    return { rps: result.rps, p50: result.p50, p99: result.p99, total: result.total, bad: result.non2xx + result.errors };
  }
  const result = await autocannon({ url: scenario.url, connections, duration: seconds, headers: scenario.headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, bad: result.non2xx + result.errors };
}
const firstLine = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout! }).once('line', resolve);
  child.once('exit', (code) => reject(new Error(`bench servers exited with ${code}`)));
});
const { ports, token, driver } = JSON.parse(firstLine) as { ports: Record<'bare' | 'headers' | 'floor' | 'chain' | 'full', number>; token: string; driver: string };

const auth = { authorization: `Bearer ${token}` };
const scenarios = [
  { key: 'bare', label: 'bare Hono "hello"', url: `http://127.0.0.1:${ports.bare}/`, headers: {} },
  { key: 'headers', label: 'bare Hono + security headers, JSON', url: `http://127.0.0.1:${ports.headers}/`, headers: {} },
  { key: 'floor', label: 'bare Hono + headers + request log', url: `http://127.0.0.1:${ports.floor}/`, headers: {} },
  { key: 'chain', label: 'GET /v1/users/:id, chain without DB read', url: `http://127.0.0.1:${ports.chain}/v1/users/bench`, headers: auth },
  { key: 'full', label: `GET /v1/users/:id, full (${driver})`, url: `http://127.0.0.1:${ports.full}/v1/users/bench`, headers: auth },
] as const;

console.log(
  `${clientName}: ${connections} connections, ${rounds} interleaved rounds of ${roundSeconds} s per scenario (after a 2 s warm-up each), medians over rounds, loopback; ` +
    `Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} at start`,
);
console.log('floor = what every response pays: security headers + trace id + request log line (the service\'s pino logger, to /dev/null) + JSON');
console.log('chain = floor + JWT auth (ES256, cache of verified tokens) + rate limit (generous bucket: measures the chain, never answers 429) + scope + Zod validation + route');
type Sample = { rps: number; p50: number; p99: number; serverUs: number; clientUs: number };
const samples: Record<string, Sample[]> = { bare: [], headers: [], floor: [], chain: [], full: [] };
const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
try {
  for (const scenario of scenarios) await load(scenario, 2);
  for (let round = 0; round < rounds; round++) {
    for (const scenario of scenarios) {
      const [server0, client0] = [await serverCpu(), clientCpu()];
      const result = await load(scenario, roundSeconds);
      const [server1, client1] = [await serverCpu(), clientCpu()];
      if (result.bad > 0) throw new Error(`${scenario.label}: ${result.bad} non-2xx answers or socket errors`);
      const count = Math.max(1, result.total);
      samples[scenario.key]!.push({
        rps: result.rps,
        p50: result.p50,
        p99: result.p99,
        serverUs: (server1 - server0) / count,
        clientUs: (client1 - client0) / count,
      });
    }
  }
} finally {
  child.kill('SIGTERM');
}
const results = Object.fromEntries(
  Object.entries(samples).map(([key, list]) => {
    const of = (field: keyof Sample) => median(list.map((sample) => sample[field]));
    return [key, { rps: of('rps'), p50: of('p50'), p99: of('p99'), serverUs: of('serverUs'), clientUs: of('clientUs') }];
  }),
);

// CPU per request: the servers' process and this one (autocannon). On a machine where both share
// the cores, whichever side needs more CPU per request sets the pace.
const pad = (text: string, width: number) => text.padEnd(width);
console.log(`\n${pad('scenario', 46)}${pad('req/s', 10)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('vs bare', 9)}${pad('server CPU', 12)}client CPU`);
for (const scenario of scenarios) {
  const { rps, p50, p99, serverUs, clientUs } = results[scenario.key]!;
  const ratio = `${Math.round((rps / results.bare!.rps) * 100)}%`;
  const cpu = (us: number) => `${us.toFixed(1)} µs/req`;
  console.log(`${pad(scenario.label, 46)}${pad(String(Math.round(rps)), 10)}${pad(String(Number(p50.toFixed(2))), 8)}${pad(String(Number(p99.toFixed(2))), 8)}${pad(ratio, 9)}${pad(cpu(serverUs), 12)}${cpu(clientUs)}`);
}
const chainRatio = results.chain!.rps / results.bare!.rps;
console.log(`\nchain/bare = ${(chainRatio * 100).toFixed(1)}% (target >= 50%): ${chainRatio >= 0.5 ? 'met' : 'NOT met'}`);
console.log(`floor/bare = ${((results.floor!.rps / results.bare!.rps) * 100).toFixed(1)}%, chain/floor = ${((results.chain!.rps / results.floor!.rps) * 100).toFixed(1)}%`);
// Where the floor's server CPU goes: headers + JSON body, then the log line.
const us = (key: string) => results[key]!.serverUs;
console.log(`server CPU per request: bare ${us('bare').toFixed(1)} µs, + headers and JSON ${(us('headers') - us('bare')).toFixed(1)} µs, + request log line ${(us('floor') - us('headers')).toFixed(1)} µs, + auth, scope, rate limit, validation, route ${(us('chain') - us('floor')).toFixed(1)} µs`);
console.log(`full route p99 = ${results.full!.p99} ms on ${driver} (target <= 25 ms on PostgreSQL): ${results.full!.p99 <= 25 ? 'met' : 'NOT met'}`);
