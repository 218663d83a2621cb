/**
 * Mutation testing of fastapi-service's rule-bearing modules, for `npm run test:mutation` (a
 * measurement: not part of `npm test` or CI). The modules are the counterparts of hono-service's
 * src/middleware, src/lib/auth, src/routes and src/lib/errors: src/app/middleware.py, rate_limit.py,
 * auth.py, deps.py, errors.py, error_handlers.py and routers/.
 *
 *   node scripts/mutation/mutmut.ts              # one process per mutant at a time
 *   MUTATION_JOBS=2 node scripts/mutation/mutmut.ts
 *   node scripts/mutation/mutmut.ts --report     # the figures of the last run again, running nothing
 *
 * Two tools, because one cannot see the routes:
 *   - mutmut 3 ([tool.mutmut] in the example's pyproject.toml) for everything but routers/: each
 *     mutant runs only the tests that reached its function, in a process forked from a warm pytest.
 *     It never mutates a decorated function, though, and every route handler is one (`@router.get`).
 *   - cosmic-ray (fastapi-service.cosmic-ray.toml beside this file) for routers/: it mutates the
 *     module's text as a whole, decorators and handlers included, and runs the route tests per mutant.
 * Both are the example's `mutation` dependency group (uv.lock), not installed by `uv sync`.
 *
 * Every run starts from scratch (mutants/, git-ignored, is deleted first): mutmut keeps earlier
 * verdicts of unchanged functions even when the tests changed, which is wrong for a measurement.
 *
 * A survivor that no test can tell apart from the original is listed, with the reason, in
 * fastapi-service.equivalent.json; the kill rate leaves those out. The run fails when a listed
 * mutant no longer survives (the list is stale) or a module's kill rate is under 90 %.
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(import.meta.dirname, '..', '..');
const example = join(repo, 'examples', 'fastapi-service');
const work = join(example, 'mutants');
const cosmicWork = join(work, 'cosmic-ray');
const cosmicConfig = join(import.meta.dirname, 'fastapi-service.cosmic-ray.toml');
const equivalentFile = join(import.meta.dirname, 'fastapi-service.equivalent.json');

/** The bar: every module kills at least this share of its non-equivalent mutants. */
export const MINIMUM_KILL_RATE = 0.9;

export interface ModuleFigures {
	module: string;
	tool: 'mutmut' | 'cosmic-ray';
	total: number;
	killed: number;
	survived: number;
	/** Mutants no test reached (mutmut's "no tests"). */
	noCoverage: number;
	timeout: number;
	/** Survivors listed in fastapi-service.equivalent.json. */
	equivalent: number;
	/** Anything else, not counted as killed: mutmut's suspicious, segfault or not checked, cosmic-ray's
	 * incompetent (the mutant could not even run) or not run. */
	other: number;
	/** (killed + timeout) / (total - equivalent); null when nothing is left to kill. */
	killRate: number | null;
}

export interface Survivor {
	module: string;
	function: string;
	/** The original line(s) and what the mutant has instead, whitespace collapsed. */
	original: string;
	replacement: string;
	/** The tool's own name for it (mutmut's numbered name, cosmic-ray's job id): shifts with the code. */
	id: string;
	equivalent: boolean;
}

export interface MutmutResult {
	example: string;
	modules: ModuleFigures[];
	overall: Omit<ModuleFigures, 'module' | 'tool'>;
	survivors: Survivor[];
	/** Entries of the equivalent list that matched no survivor. */
	stale: EquivalentEntry[];
	seconds: number;
}

interface EquivalentEntry {
	module: string;
	function: string;
	original: string;
	replacement: string;
	reason: string;
}

type Status = 'killed' | 'survived' | 'noCoverage' | 'timeout' | 'other';

interface Mutant {
	id: string;
	module: string;
	status: Status;
}

// uv as scripts/test.ts finds it: the one on PATH, else the one it installed into node_modules/.cache
// (installed here the same way when neither is there). Never a downloaded Python: the machine's is used.
function findUv(): string {
	if (spawnSync('uv', ['--version'], { stdio: 'ignore' }).status === 0) return 'uv';
	const venv = join(repo, 'node_modules/.cache/handbook-tools/uv');
	const uv = join(venv, 'bin', 'uv');
	if (!existsSync(uv)) {
		mustRun('python3', ['-m', 'venv', venv]);
		mustRun(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', 'uv']);
	}
	return uv;
}

function mustRun(command: string, args: string[]): void {
	const run = spawnSync(command, args, { stdio: 'inherit' });
	if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}`);
}

// The measurement is the same on every machine: the tests run as in a fresh clone, on SQLite and
// without Redis (the tests that need DATABASE_URL or REDIS_URL skip), whatever this shell has set.
const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
const pythonEnv: NodeJS.ProcessEnv = {
	...inherited,
	UV_PYTHON_DOWNLOADS: 'never',
	UV_NO_PROGRESS: '1',
	// The machine's certificate store, as npm test uses it: a private CA in front of PyPI works.
	UV_SYSTEM_CERTS: '1',
};

/** Runs a command; its output goes to the terminal, or is returned when `capture` is set. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; capture?: boolean }): Promise<{ status: number; stdout: string }> {
	return new Promise((done, fail) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? pythonEnv, stdio: ['ignore', options.capture ? 'pipe' : 'inherit', 'inherit'] });
		let stdout = '';
		child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.on('error', fail);
		child.on('close', (status) => done({ status: status ?? 1, stdout }));
	});
}

async function mustSucceed(what: string, command: string, args: string[], options: Parameters<typeof run>[2]): Promise<string> {
	const { status, stdout } = await run(command, args, options);
	if (status !== 0) throw new Error(`${what}: ${command} ${args.join(' ')} exited ${status}`);
	return stdout;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The removed and added lines of a unified diff, each side whitespace-collapsed into one string. */
function diffSides(diff: string): { original: string; replacement: string } {
	const lines = diff.split('\n');
	const side = (sign: string) =>
		collapse(
			lines
				.filter((line) => line.startsWith(sign) && !line.startsWith(sign.repeat(3)))
				.map((line) => line.slice(1))
				.join(' '),
		);
	return { original: side('-'), replacement: side('+') };
}

// mutmut names a mutant `app.deps.x_take_token__mutmut_3` or `app.auth.xǁRemoteJwksǁ__init____mutmut_1`.
const MUTMUT_NAME = /^(.+?)\.x(?:_|ǁ)(.+)__mutmut_\d+$/;

function mutmutModule(name: string): { module: string; function: string } {
	const match = MUTMUT_NAME.exec(name);
	if (!match) throw new Error(`mutmut: unexpected mutant name ${name}`);
	const [, dotted, mangled] = match as unknown as [string, string, string];
	return { module: `src/${dotted.replaceAll('.', '/')}.py`, function: mangled.replaceAll('ǁ', '.') };
}

// mutmut's statuses (mutmut/stats.py) in this runner's buckets.
const MUTMUT_STATUS: Record<string, Status> = { killed: 'killed', survived: 'survived', 'no tests': 'noCoverage', timeout: 'timeout' };

async function runMutmutTool(uv: string, jobs: number, reuse: boolean): Promise<{ mutants: Mutant[]; survivors: Omit<Survivor, 'equivalent'>[] }> {
	const uvRun = ['run', '--locked', '--group', 'mutation'];
	if (!reuse) {
		console.log(`\n▶ mutmut run --max-children ${jobs}  (in ${relative(repo, example)})`);
		await mustSucceed('mutmut', uv, [...uvRun, 'mutmut', 'run', '--max-children', String(jobs)], { cwd: example });
	}
	// `results --all true` lists every mutant with its status, killed ones included.
	const listing = await mustSucceed('mutmut results', uv, [...uvRun, 'mutmut', 'results', '--all', 'true'], { cwd: example, capture: true });
	const mutants: Mutant[] = [];
	for (const line of listing.split('\n')) {
		const match = /^\s+(\S+): (.+)$/.exec(line);
		if (!match) continue;
		const [, id, status] = match as unknown as [string, string, string];
		mutants.push({ id, module: mutmutModule(id).module, status: MUTMUT_STATUS[status.trim()] ?? 'other' });
	}
	if (mutants.length === 0) throw new Error('mutmut results listed no mutant');
	const survivors = [];
	for (const mutant of mutants.filter((m) => m.status === 'survived')) {
		const shown = await mustSucceed('mutmut show', uv, [...uvRun, 'mutmut', 'show', mutant.id], { cwd: example, capture: true });
		survivors.push({ id: mutant.id, ...mutmutModule(mutant.id), ...diffSides(shown) });
	}
	return { mutants, survivors };
}

/** The function a line belongs to: the enclosing `def` (outermost, as mutmut names it), the function
 * a decorator line decorates, or `<module>`. */
function functionAt(source: string[], line: number): string {
	for (let index = line - 1; index >= 0; index--) {
		const text = source[index] ?? '';
		if (!/^[A-Za-z_@]/.test(text)) continue; // indented, blank, a comment or a closing bracket
		if (text.startsWith('@')) {
			const def = source.slice(index).find((next) => /^(async\s+)?def\s/.test(next));
			return /def\s+(\w+)/.exec(def ?? '')?.[1] ?? '<module>';
		}
		const def = /^(?:async\s+)?def\s+(\w+)/.exec(text);
		if (def) return def[1]!;
		const cls = /^class\s+(\w+)/.exec(text);
		if (cls) {
			const method = source
				.slice(index, line)
				.reverse()
				.map((next) => /^\s+(?:async\s+)?def\s+(\w+)/.exec(next)?.[1])
				.find(Boolean);
			return method ? `${cls[1]}.${method}` : cls[1]!;
		}
		return '<module>';
	}
	return '<module>';
}

interface CosmicMutation {
	module_path: string;
	start_pos: [number, number];
}
interface CosmicItem {
	job_id: string;
	mutations: CosmicMutation[];
}
interface CosmicResult {
	worker_outcome: string;
	test_outcome: string | null;
	output: string | null;
	diff: string | null;
}

async function runCosmicRay(uv: string, reuse: boolean): Promise<{ mutants: Mutant[]; survivors: Omit<Survivor, 'equivalent'>[] }> {
	if (!reuse) {
		// cosmic-ray writes each mutant into the file itself: a copy of the example, never the work tree.
		rmSync(cosmicWork, { recursive: true, force: true });
		mkdirSync(cosmicWork, { recursive: true });
		const skip = new Set(['.venv', 'mutants', '__pycache__', '.pytest_cache', '.ruff_cache', '.data']);
		for (const entry of ['src', 'tests', 'scripts', 'pyproject.toml', 'openapi.json', 'Dockerfile', 'alembic.ini', 'README.md']) {
			cpSync(join(example, entry), join(cosmicWork, entry), { recursive: true, filter: (path) => !skip.has(path.split(/[\\/]/).pop() ?? '') });
		}
		cpSync(cosmicConfig, join(cosmicWork, 'cosmic-ray.toml'));
	}
	// The example's environment (--project), with the copy's src/ ahead of the editable install's,
	// so the tests import the mutated file; `python` in the test command is that environment's.
	const env = { ...pythonEnv, PYTHONPATH: [join(cosmicWork, 'src'), process.env.PYTHONPATH].filter(Boolean).join(delimiter) };
	const options = { cwd: cosmicWork, env };
	const cr = (tool: string, ...args: string[]): [string, string[]] => [uv, ['run', '--locked', '--group', 'mutation', '--project', example, tool, ...args]];
	if (!reuse) {
		console.log(`\n▶ cosmic-ray over routers/  (in ${relative(repo, cosmicWork)})`);
		await mustSucceed('cosmic-ray init', ...cr('cosmic-ray', 'init', 'cosmic-ray.toml', 'session.sqlite'), options);
		await mustSucceed('cosmic-ray operator filter', ...cr('cr-filter-operators', 'session.sqlite', 'cosmic-ray.toml'), options);
		// Without a passing baseline every mutant would count as killed (a test command that cannot
		// even start fails for each of them).
		await mustSucceed('cosmic-ray baseline (the tests must pass unmutated)', ...cr('cosmic-ray', 'baseline', 'cosmic-ray.toml'), options);
		await mustSucceed('cosmic-ray exec', ...cr('cosmic-ray', 'exec', 'cosmic-ray.toml', 'session.sqlite'), options);
	}
	const dump = await mustSucceed('cosmic-ray dump', ...cr('cosmic-ray', 'dump', 'session.sqlite'), { ...options, capture: true });
	const mutants: Mutant[] = [];
	const survivors = [];
	const sources = new Map<string, string[]>();
	for (const line of dump.split('\n').filter(Boolean)) {
		const [item, result] = JSON.parse(line) as [CosmicItem, CosmicResult | null];
		if (result?.worker_outcome === 'skipped') continue; // excluded by the operators filter
		const mutation = item.mutations[0]!;
		const module = mutation.module_path.replaceAll('\\', '/');
		const status: Status =
			result === null ? 'other'
			: result.test_outcome === 'survived' ? 'survived'
			: result.test_outcome === 'killed' ? (result.output === 'timeout' ? 'timeout' : 'killed')
			: 'other';
		mutants.push({ id: item.job_id, module, status });
		if (status !== 'survived') continue;
		// The example's own file: the copy's may hold a mutant while cosmic-ray runs.
		if (!sources.has(module)) sources.set(module, readFileSync(join(example, module), 'utf8').split('\n'));
		survivors.push({ id: item.job_id, module, function: functionAt(sources.get(module)!, mutation.start_pos[0]), ...diffSides(result!.diff ?? '') });
	}
	return { mutants, survivors };
}

function figures(mutants: Mutant[], equivalent: number) {
	const count = (status: Status) => mutants.filter((m) => m.status === status).length;
	const killed = count('killed');
	const timeout = count('timeout');
	const total = mutants.length;
	const scored = total - equivalent;
	return { total, killed, survived: count('survived') - equivalent, noCoverage: count('noCoverage'), timeout, equivalent, other: count('other'), killRate: scored > 0 ? (killed + timeout) / scored : null };
}

const matches = (entry: EquivalentEntry, survivor: Omit<Survivor, 'equivalent'>) =>
	entry.module === survivor.module && entry.function === survivor.function && collapse(entry.original) === survivor.original && collapse(entry.replacement) === survivor.replacement;

/** The whole measurement: both tools, the figures per module, the survivors. `reuse` reads the
 * results the last run left in mutants/ instead of running anything. `jobs`: mutmut's processes
 * (MUTATION_JOBS, else half the cores: the machine stays usable); cosmic-ray runs one at a time. */
export async function runMutmut(options: { jobs?: number; reuse?: boolean } = {}): Promise<MutmutResult> {
	const started = performance.now();
	const jobs = options.jobs ?? (Number(process.env.MUTATION_JOBS) || Math.max(1, Math.floor(availableParallelism() / 2)));
	const reuse = options.reuse ?? false;
	const uv = findUv();
	if (reuse && !existsSync(work)) throw new Error(`no earlier run to report: ${relative(repo, work)} is missing`);
	if (!reuse) rmSync(work, { recursive: true, force: true });
	await mustSucceed('uv sync', uv, ['sync', '--locked', '--group', 'mutation'], { cwd: example });
	const fromMutmut = await runMutmutTool(uv, jobs, reuse);
	const fromCosmicRay = await runCosmicRay(uv, reuse);

	const listed = (JSON.parse(readFileSync(equivalentFile, 'utf8')) as { equivalent: EquivalentEntry[] }).equivalent;
	const survivors: Survivor[] = [...fromMutmut.survivors, ...fromCosmicRay.survivors].map((survivor) => ({ ...survivor, equivalent: listed.some((entry) => matches(entry, survivor)) }));
	const stale = listed.filter((entry) => !survivors.some((survivor) => matches(entry, survivor)));

	const modules: ModuleFigures[] = [];
	for (const [tool, mutants] of [['mutmut', fromMutmut.mutants], ['cosmic-ray', fromCosmicRay.mutants]] as const) {
		for (const module of [...new Set(mutants.map((m) => m.module))].sort()) {
			const equivalent = survivors.filter((s) => s.module === module && s.equivalent).length;
			modules.push({ module, tool, ...figures(mutants.filter((m) => m.module === module), equivalent) });
		}
	}
	const equivalentCount = survivors.filter((s) => s.equivalent).length;
	const overall = figures([...fromMutmut.mutants, ...fromCosmicRay.mutants], equivalentCount);
	return { example: 'fastapi-service', modules, overall, survivors, stale, seconds: (performance.now() - started) / 1000 };
}

const percent = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)} %`);

function printReport(result: MutmutResult): void {
	const header = ['module', 'tool', 'mutants', 'killed', 'timeout', 'survived', 'no tests', 'equivalent', 'other', 'kill rate'];
	const rows = [...result.modules.map((m) => [m.module, m.tool, m.total, m.killed, m.timeout, m.survived, m.noCoverage, m.equivalent, m.other, percent(m.killRate)]), ['overall', '', result.overall.total, result.overall.killed, result.overall.timeout, result.overall.survived, result.overall.noCoverage, result.overall.equivalent, result.overall.other, percent(result.overall.killRate)]].map((row) => row.map(String));
	const widths = header.map((_, column) => Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length)));
	const format = (row: string[]) => row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
	console.log(`\nfastapi-service mutation testing (${result.seconds.toFixed(0)} s)`);
	console.log(format(header));
	for (const row of rows) console.log(format(row));
	const left = result.survivors.filter((s) => !s.equivalent);
	if (left.length > 0) {
		console.log(`\nSurvivors (${left.length}), not listed as equivalent:`);
		for (const s of left) console.log(`  ${s.module} ${s.function} (${s.id})\n    - ${s.original}\n    + ${s.replacement}`);
	}
	for (const entry of result.stale) console.log(`\nStale: listed as equivalent, but no such survivor: ${entry.module} ${entry.function}\n    - ${entry.original}\n    + ${entry.replacement}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const result = await runMutmut({ reuse: process.argv.includes('--report') });
	printReport(result);
	const below = result.modules.filter((m) => m.killRate !== null && m.killRate < MINIMUM_KILL_RATE);
	for (const m of below) console.log(`\n${m.module}: kill rate ${percent(m.killRate)}, under ${percent(MINIMUM_KILL_RATE)}`);
	if (result.stale.length > 0) console.log(`\n${result.stale.length} stale entr${result.stale.length === 1 ? 'y' : 'ies'} in ${relative(repo, equivalentFile)}: remove them (or explain what changed).`);
	process.exit(result.stale.length === 0 && below.length === 0 ? 0 : 1);
}

