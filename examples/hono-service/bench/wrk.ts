import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

// wrk (Debian's `wrk`, a C load generator) as the bench's client: it needs a fraction of the CPU
// per request that autocannon needs, so on a 2-core machine the server, not the client, sets the
// pace and the ratios between scenarios mean what they say.

/** The wrk binary on PATH, or undefined. */
export function findWrk(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (µs) of this process's finished children: wrk's, once it has exited (Linux). */
export function childrenCpuMicros(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // cutime and cstime are fields 16 and 17 of /proc/<pid>/stat (13 and 14 after the name), in ticks.
  return (Number(fields[13]) + Number(fields[14])) * 10_000;
}

const toMs = (value: string, unit: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? Number.NaN);

/** Parse wrk's `--latency` report. */
export function parseWrk(output: string) {
  const number = (pattern: RegExp) => Number(output.match(pattern)?.[1] ?? Number.NaN);
  const latency = (percent: number) => {
    const match = output.match(new RegExp(`^\\s+${percent}%\\s+([\\d.]+)(us|ms|s)$`, 'm'));
    return match ? toMs(match[1]!, match[2]!) : Number.NaN;
  };
  const errors = [...output.matchAll(/(connect|read|write|timeout) (\d+)/g)].reduce((sum, match) => sum + Number(match[2]), 0);
  return {
    rps: number(/^Requests\/sec:\s+([\d.]+)/m),
    total: number(/^\s+(\d+) requests in/m),
    p50: latency(50),
    p99: latency(99),
    non2xx: Number(output.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0),
    errors: /Socket errors/.test(output) ? errors : 0,
  };
}

/** One wrk run: one thread, `connections` keep-alive connections, for `seconds`. */
export function runWrk(wrk: string, options: { url: string; connections: number; seconds: number; headers: Record<string, string> }): Promise<ReturnType<typeof parseWrk>> {
  const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(options.headers)) args.push('-H', `${name}: ${value}`);
  args.push(options.url);
  return new Promise((resolve, reject) => {
    const child = spawn(wrk, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(parseWrk(output)) : reject(new Error(`wrk exited with ${code}: ${output}`))));
  });
}
