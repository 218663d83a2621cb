/**
 * The build is the handbook's first reviewer: a page with a broken link, an invalid frontmatter
 * field or a missing image must fail it, with a message that names the file.
 * Each case builds a one-page copy of the site (same config, components and schema).
 */
import { describe, expect, it } from 'vitest';
import { buildFixture } from './build-fixture.ts';

const frontmatter = (fields: string) => `---\ntitle: Fixture page\n${fields}\n---\n`;
const validFields = 'owner: Platform team\nreviewed: 2026-11-01';

/** Builds a copy of the site (scripts/build-fixture.ts) with one real page, `content/docs/<file>`. */
const buildSiteWith = (name: string, file: string, text: string) => buildFixture(name, { [`content/docs/${file}`]: text });

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
