/**
 * Build time and peak memory of the whole site with its search index, from a cold cache:
 * `/usr/bin/time -v astro build`, three runs, median wall time and the highest peak RSS.
 *
 *   node scripts/bench-build.ts [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
if (!existsSync('/usr/bin/time')) {
	console.error('bench-build: needs GNU time at /usr/bin/time (Debian: apt-get install time).');
	process.exit(1);
}

const seconds = (clock: string) => clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
const results: { wall: number; rssMiB: number; pages: number }[] = [];
for (let run = 1; run <= runs; run++) {
	for (const cache of ['dist', '.astro', 'node_modules/.astro']) rmSync(cache, { recursive: true, force: true });
	const build = spawnSync('/usr/bin/time', ['-v', process.execPath, 'node_modules/astro/bin/astro.mjs', 'build'], {
		encoding: 'utf8',
		env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
	});
	if (build.status !== 0) {
		console.error(build.stdout, build.stderr);
		process.exit(1);
	}
	const wall = seconds(/Elapsed \(wall clock\) time.*: ([\d:.]+)/.exec(build.stderr)![1]!);
	const rssMiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(build.stderr)![1]) / 1024;
	const pages = Number(/(\d+) page\(s\) built/.exec(build.stdout + build.stderr)?.[1] ?? 0);
	results.push({ wall, rssMiB, pages });
	console.log(`run ${run}: ${wall.toFixed(2)} s wall, ${rssMiB.toFixed(0)} MiB peak RSS, ${pages} pages`);
}
const walls = results.map((result) => result.wall).sort((a, b) => a - b);
console.log(`median build time: ${walls[Math.floor(walls.length / 2)]!.toFixed(2)} s over ${runs} cold builds`);
console.log(`peak memory: ${Math.max(...results.map((result) => result.rssMiB)).toFixed(0)} MiB`);
