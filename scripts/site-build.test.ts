/**
 * The build is the handbook's first reviewer: a page with a broken link, an invalid frontmatter
 * field or a missing image must fail it, with a message that names the file.
 * Each case builds a one-page copy of the site (same config, components and schema).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const fixtures = join(repo, 'node_modules', '.cache', 'build-fixtures');

const frontmatter = (fields: string) => `---\ntitle: Fixture page\n${fields}\n---\n`;
const validFields = 'owner: Platform team\nreviewed: 2026-11-01';

/** Builds a copy of the site whose only pages are a home page and `content/docs/<file>`. */
function buildSiteWith(name: string, file: string, text: string) {
	const root = join(fixtures, name);
	rmSync(root, { recursive: true, force: true });
	mkdirSync(join(root, 'content', 'docs', 'broken'), { recursive: true });
	for (const shared of ['src', 'public']) symlinkSync(join(repo, shared), join(root, shared));
	cpSync(join(repo, 'astro.config.mjs'), join(root, 'astro.config.mjs'));
	cpSync(join(repo, 'content.config.ts'), join(root, 'content.config.ts'));
	cpSync(join(repo, 'tsconfig.json'), join(root, 'tsconfig.json'));
	// The pages the sidebar config names by slug, so the fixture differs from the site by one page.
	for (const page of ['index', 'handbook/onboarding', 'handbook/contributing']) {
		mkdirSync(join(root, 'content', 'docs', page, '..'), { recursive: true });
		writeFileSync(join(root, 'content', 'docs', `${page}.md`), `${frontmatter(validFields)}\nText.\n`);
	}
	writeFileSync(join(root, 'content', 'docs', file), text);
	const run = spawnSync(process.execPath, [join(repo, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root], {
		encoding: 'utf8',
		env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
	});
	return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('the site build', () => {
	// The control: the fixture itself builds, so each failure below is the bad page's doing.
	it.concurrent('succeeds with a valid page', () => {
		const { status, output } = buildSiteWith('valid', 'broken/valid.mdx', `${frontmatter(validFields)}\nSee [home](/).\n`);
		expect(output).not.toMatch(/\[ERROR\]/);
		expect(status).toBe(0);
	});

	it.concurrent('fails on a broken internal link, naming the page and the link', () => {
		const { status, output } = buildSiteWith(
			'broken-link',
			'broken/link.mdx',
			`${frontmatter(validFields)}\nSee [the missing page](/playbooks/does-not-exist/) and [a missing section](/#no-such-heading).\n`,
		);
		expect(status).not.toBe(0);
		expect(output).toContain('broken/link');
		expect(output).toContain('/playbooks/does-not-exist/');
		expect(output).toContain('/#no-such-heading');
	});

	it.concurrent('fails on invalid frontmatter, naming the file and the field', () => {
		const { status, output } = buildSiteWith(
			'invalid-frontmatter',
			'broken/frontmatter.mdx',
			`${frontmatter('owner: Platform team\nreviewed: last spring')}\nText.\n`,
		);
		expect(status).not.toBe(0);
		expect(output).toContain('broken/frontmatter');
		expect(output).toMatch(/reviewed/);
		expect(output).toMatch(/YYYY-MM-DD/);
	});

	it.concurrent('fails on a missing owner, naming the file and the field', () => {
		const { status, output } = buildSiteWith('missing-owner', 'broken/owner.md', `${frontmatter('reviewed: 2026-11-01')}\nText.\n`);
		expect(status).not.toBe(0);
		expect(output).toContain('broken/owner');
		expect(output).toMatch(/owner/);
	});

	it.concurrent('fails on a missing image, naming the file and the image', () => {
		const { status, output } = buildSiteWith(
			'missing-image',
			'broken/image.mdx',
			`${frontmatter(validFields)}\n![Architecture](./architecture.png)\n`,
		);
		expect(status).not.toBe(0);
		expect(output).toContain('broken/image.mdx');
		expect(output).toContain('architecture.png');
	});
});
