/**
 * Builds a copy of the site that differs from it by a few files, for tests of what the build
 * does with bad input. The copy has the site's config, components and schema, a stub for every
 * page (the sidebar names some by slug) and the given files on top; the build runs in the copy,
 * so paths from the repository root (examples/…) resolve inside it.
 *
 * @example
 * await buildFixture('bad-openapi', { 'examples/hono-service/openapi.json': '{' })
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const fixtures = join(repo, 'node_modules', '.cache', 'build-fixtures');
export const stubPage = (title = 'Fixture page') => `---\ntitle: ${title}\nowner: Platform team\nreviewed: 2026-11-01\n---\n\nText.\n`;

export interface FixtureBuild {
	status: number | null;
	output: string;
	dist: string;
}

export async function buildFixture(name: string, files: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<FixtureBuild> {
	const root = join(fixtures, name);
	rmSync(root, { recursive: true, force: true });
	mkdirSync(root, { recursive: true });
	for (const shared of ['src', 'public']) symlinkSync(join(repo, shared), join(root, shared));
	for (const file of ['astro.config.mjs', 'ec.config.mjs', 'content.config.ts', 'tsconfig.json']) cpSync(join(repo, file), join(root, file));
	const pages = readdirSync(join(repo, 'content', 'docs'), { recursive: true, encoding: 'utf8' }).filter((page) => /\.mdx?$/.test(page));
	const stubs = Object.fromEntries(pages.map((page) => [join('content', 'docs', page.replace(/\.mdx?$/, '.md')), stubPage()]));
	// The API reference is built from each example's OpenAPI document (astro.config.mjs).
	const documents = readdirSync(join(repo, 'examples')).filter((example) => existsSync(join(repo, 'examples', example, 'openapi.json')));
	const openapi = Object.fromEntries(documents.map((example) => [`examples/${example}/openapi.json`, readFileSync(join(repo, 'examples', example, 'openapi.json'), 'utf8')]));
	for (const [path, text] of Object.entries({ ...stubs, ...openapi, ...files })) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	const build = spawn(process.execPath, [join(repo, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
		cwd: root,
		env: { ...process.env, HANDBOOK_REPO_URL: '', NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', ...env },
	});
	let output = '';
	build.stdout.on('data', (chunk) => (output += chunk));
	build.stderr.on('data', (chunk) => (output += chunk));
	const status = await new Promise<number | null>((done) => build.on('close', done));
	return { status, output, dist: join(root, 'dist') };
}
