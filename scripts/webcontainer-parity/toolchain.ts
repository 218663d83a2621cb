/**
 * The Node.js and npm a WebContainer would run a project with, installed once from the npm
 * registry (the `node` and `npm` packages) into `node_modules/.cache/webcontainer-parity/`, and an
 * environment that puts them first on PATH with nothing of this machine's services in it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { webcontainerNpm } from '../../src/lib/example-project/webcontainer-node.ts';

export const CACHE_DIR = resolve('node_modules/.cache/webcontainer-parity');

export interface Toolchain {
	node: string;
	npm: string;
	/** Directory with `node`, `npm` and `npx` to put first on PATH. */
	bin: string;
}

function run(command: string, args: string[], cwd: string): string {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stderr || result.stdout}`);
	return result.stdout;
}

/** Node `version` and the npm that goes with it (webcontainerNpm) from the registry, cached between runs. */
export function installToolchain(version: string): Toolchain {
	const npmVersion = webcontainerNpm(version);
	const dir = join(CACHE_DIR, `node-${version}-npm-${npmVersion}`);
	const bin = join(dir, 'bin');
	const node = join(dir, 'node_modules', 'node', 'bin', 'node');
	const npmCli = join(dir, 'node_modules', 'npm', 'bin', 'npm-cli.js');
	const npxCli = join(dir, 'node_modules', 'npm', 'bin', 'npx-cli.js');
	if (!existsSync(join(bin, 'npm'))) {
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		// The `node` package fetches its binary in an install script: allowed, by name.
		writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, allowScripts: { node: true } }));
		run('npm', ['install', '--no-audit', '--no-fund', `node@${version}`, `npm@${npmVersion}`], dir);
		mkdirSync(bin);
		symlinkSync(node, join(bin, 'node'));
		for (const [name, cli] of [
			['npm', npmCli],
			['npx', npxCli],
		] as const) {
			writeFileSync(join(bin, name), `#!/bin/sh\nexec "${node}" "${cli}" "$@"\n`);
			chmodSync(join(bin, name), 0o755);
		}
	}
	return { node: run(node, ['--version'], dir).trim(), npm: run(join(bin, 'npm'), ['--version'], dir).trim(), bin };
}

/**
 * A WebContainer-like environment: the toolchain first on PATH (none of this project's
 * node_modules/.bin, not the Node that runs the tests), and no DATABASE_URL, REDIS_URL, CI or
 * other setting of this machine: a WebContainer has none of them. What reaches the registry
 * (certificates, proxies, HOME for the user's npm configuration) is kept: that is plumbing, not
 * the project's environment.
 */
export function webcontainerEnv(toolchain: Toolchain, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const systemPath = (process.env.PATH ?? '')
		.split(delimiter)
		.filter((entry) => !entry.includes('node_modules') && !entry.startsWith(resolve('.')));
	const plumbing = Object.entries(process.env).filter(([name]) => /^(HOME|USER|TMPDIR|.*_CA_.*|.*CERT.*|.*SSL.*|https?_proxy|no_proxy)$/i.test(name));
	return {
		...Object.fromEntries(plumbing),
		...machineCafile(),
		PATH: [toolchain.bin, ...systemPath].join(delimiter),
		LANG: 'C.UTF-8',
		NEXT_TELEMETRY_DISABLED: '1',
		...extra,
	};
}

/**
 * The machine npm's `cafile` (a private CA in front of the registry, set in npm's global config),
 * for the toolchain's npm: installed elsewhere, it does not read that config file.
 */
function machineCafile(): Record<string, string> {
	const cafile = spawnSync('npm', ['config', 'get', 'cafile'], { encoding: 'utf8' }).stdout?.trim();
	return cafile && cafile !== 'null' && cafile !== 'undefined' ? { npm_config_cafile: cafile } : {};
}

/** Deletes every native addon (`*.node`) under `dir`; WebContainers cannot load them. Returns how many. */
export function removeNativeAddons(dir: string): string[] {
	const removed: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.node')) {
				rmSync(path);
				removed.push(path.slice(dir.length + 1));
			}
		}
	};
	if (existsSync(dir)) walk(dir);
	return removed;
}

/**
 * The WASM compiler Next.js downloads in WebContainers (`@next/swc-wasm-nodejs` at the version of
 * its SWC packages), put where Next's download looks first (`NEXT_SWC_PATH`). When the registry
 * lacks that exact version, the newest earlier patch of the same line stands in, and the returned
 * note says so.
 */
export function seedNextWasm(swcVersion: string): { dir: string; note?: string } {
	const dir = join(CACHE_DIR, 'next-swc');
	const target = join(dir, `swc-wasm-nodejs-${swcVersion}.tgz`);
	if (existsSync(`${target}.note`)) return { dir, note: readFileSync(`${target}.note`, 'utf8') };
	if (existsSync(target)) return { dir };
	mkdirSync(dir, { recursive: true });
	const versions = JSON.parse(run('npm', ['view', '@next/swc-wasm-nodejs', 'versions', '--json'], dir)) as string[];
	const [major, minor, patch] = swcVersion.split('.').map(Number) as [number, number, number];
	const sameLine = versions
		.filter((version) => /^\d+\.\d+\.\d+$/.test(version))
		.map((version) => version.split('.').map(Number) as [number, number, number])
		.filter(([a, b, c]) => a === major && b === minor && c <= patch)
		.sort((x, y) => y[2] - x[2]);
	const chosen = sameLine[0]?.join('.');
	if (!chosen) throw new Error(`No @next/swc-wasm-nodejs ${major}.${minor}.x at or before ${swcVersion} on this registry: Next.js could not compile in WebContainers.`);
	const packed = run('npm', ['pack', `@next/swc-wasm-nodejs@${chosen}`, '--silent'], dir).trim().split('\n').pop()!;
	renameSync(join(dir, packed), target);
	if (chosen === swcVersion) return { dir };
	const note = `@next/swc-wasm-nodejs ${swcVersion} is not on this registry; ${chosen} stands in for it`;
	writeFileSync(`${target}.note`, note);
	return { dir, note };
}
