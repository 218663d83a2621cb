// Minimal types for the part of autocannon the bench uses (the package ships none).
declare module 'autocannon' {
  type Histogram = { average: number; p50: number; p99: number; mean: number; total: number };
  type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string> };
  type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number };
  export default function autocannon(options: Options): Promise<Result>;
}
