/**
 * The build is the handbook's first reviewer: a page with a broken link, an invalid frontmatter
 * field or a missing image must fail it, with a message that names the file.
 * Each case builds a one-page copy of the site (same config, components and schema).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const fixtures = join(repo, 'node_modules', '.cache', 'build-fixtures');

const frontmatter = (fields: string) => `---\ntitle: Fixture page\n${fields}\n---\n`;
const validFields = 'owner: Platform team\nreviewed: 2026-11-01';

/** Builds a copy of the site with stub pages and one real page, `content/docs/<file>`. */
async function buildSiteWith(name: string, file: string, text: string) {
	const root = join(fixtures, name);
	rmSync(root, { recursive: true, force: true });
	mkdirSync(join(root, 'content', 'docs', 'broken'), { recursive: true });
	for (const shared of ['src', 'public']) symlinkSync(join(repo, shared), join(root, shared));
	cpSync(join(repo, 'astro.config.mjs'), join(root, 'astro.config.mjs'));
	cpSync(join(repo, 'content.config.ts'), join(root, 'content.config.ts'));
	cpSync(join(repo, 'tsconfig.json'), join(root, 'tsconfig.json'));
	// A stub for every page of the real site (the sidebar config names some by slug), so the
	// fixture differs from the site by its one bad page.
	const pages = readdirSync(join(repo, 'content', 'docs'), { recursive: true, encoding: 'utf8' }).filter((page) => /\.mdx?$/.test(page));
	for (const page of pages) {
		mkdirSync(join(root, 'content', 'docs', page, '..'), { recursive: true });
		writeFileSync(join(root, 'content', 'docs', page.replace(/\.mdx?$/, '.md')), `${frontmatter(validFields)}\nText.\n`);
	}
	writeFileSync(join(root, 'content', 'docs', file), text);
	const build = spawn(process.execPath, [join(repo, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root], {
		env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
	});
	let output = '';
	build.stdout.on('data', (chunk) => (output += chunk));
	build.stderr.on('data', (chunk) => (output += chunk));
	return new Promise<{ status: number | null; output: string }>((resolve) => build.on('close', (status) => resolve({ status, output })));
}

describe('the site build', () => {
	// The control: the fixture itself builds, so each failure below is the bad page's doing.
	it.concurrent('succeeds with a valid page', async () => {
		const { status, output } = await buildSiteWith('valid', 'broken/valid.mdx', `${frontmatter(validFields)}\nSee [home](/).\n`);
		expect(output).not.toMatch(/\[ERROR\]/);
		expect(status).toBe(0);
	});

	it.concurrent('fails on a broken internal link, naming the page and the link', async () => {
		const { status, output } = await buildSiteWith(
			'broken-link',
			'broken/link.mdx',
			`${frontmatter(validFields)}\nSee [the missing page](/playbooks/does-not-exist/) and [a missing section](/#no-such-heading).\n`,
		);
		expect(status).not.toBe(0);
		expect(output).toContain('broken/link');
		expect(output).toContain('/playbooks/does-not-exist/');
		expect(output).toContain('/#no-such-heading');
	});

	it.concurrent('fails on invalid frontmatter, naming the file and the field', async () => {
		const { status, output } = await buildSiteWith(
			'invalid-frontmatter',
			'broken/frontmatter.mdx',
			`${frontmatter('owner: Platform team\nreviewed: last spring')}\nText.\n`,
		);
		expect(status).not.toBe(0);
		expect(output).toContain('broken/frontmatter');
		expect(output).toMatch(/reviewed/);
		expect(output).toMatch(/YYYY-MM-DD/);
	});

	it.concurrent('fails on a missing owner, naming the file and the field', async () => {
		const { status, output } = await buildSiteWith('missing-owner', 'broken/owner.md', `${frontmatter('reviewed: 2026-11-01')}\nText.\n`);
		expect(status).not.toBe(0);
		expect(output).toContain('broken/owner');
		expect(output).toMatch(/owner/);
	});

	it.concurrent('fails on a missing image, naming the file and the image', async () => {
		const { status, output } = await buildSiteWith(
			'missing-image',
			'broken/image.mdx',
			`${frontmatter(validFields)}\n![Architecture](./architecture.png)\n`,
		);
		expect(status).not.toBe(0);
		expect(output).toContain('broken/image.mdx');
		expect(output).toContain('architecture.png');
	});
});
