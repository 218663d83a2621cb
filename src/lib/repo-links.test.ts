import { describe, expect, it } from 'vitest';
import { repoLinks } from './repo-links.ts';

describe('repoLinks', () => {
	it('builds GitHub edit and prefilled new-issue links from a repository address', () => {
		const { links, warning } = repoLinks('https://github.com/egca/engineering-handbook');
		expect(warning).toBeUndefined();
		expect(links!.editBaseUrl).toBe('https://github.com/egca/engineering-handbook/edit/main/');
		const report = new URL(links!.reportUrl({ title: 'Playbook', url: 'https://handbook.egca.example/playbooks/backend-api/', source: 'content/docs/playbooks/backend-api.mdx' }));
		expect(report.origin + report.pathname).toBe('https://github.com/egca/engineering-handbook/issues/new');
		expect(report.searchParams.get('title')).toBe('Handbook: Playbook');
		expect(report.searchParams.get('body')).toContain('Page: https://handbook.egca.example/playbooks/backend-api/');
		expect(report.searchParams.get('body')).toContain('Source: content/docs/playbooks/backend-api.mdx');
	});

	it('takes the branch from a …/tree/<branch> address and drops a trailing .git or slash', () => {
		expect(repoLinks('https://github.com/egca/handbook/tree/develop').links!.editBaseUrl).toBe('https://github.com/egca/handbook/edit/develop/');
		expect(repoLinks('https://github.com/egca/handbook.git').links!.editBaseUrl).toBe('https://github.com/egca/handbook/edit/main/');
		expect(repoLinks('https://github.com/egca/handbook/').links!.editBaseUrl).toBe('https://github.com/egca/handbook/edit/main/');
	});

	it("uses GitLab's shapes on a GitLab host", () => {
		const { links } = repoLinks('https://gitlab.example.com/egca/handbook/-/tree/trunk');
		expect(links!.editBaseUrl).toBe('https://gitlab.example.com/egca/handbook/-/edit/trunk/');
		const report = new URL(links!.reportUrl({ title: 'Guide', url: 'https://h.example/guides/x/' }));
		expect(report.pathname).toBe('/egca/handbook/-/issues/new');
		expect(report.searchParams.get('issue[title]')).toBe('Handbook: Guide');
	});

	it('gives no links and a warning naming the variable when it is unset or blank', () => {
		for (const value of [undefined, '', '  ']) {
			const result = repoLinks(value);
			expect(result.links).toBeUndefined();
			expect(result.warning).toMatch(/^HANDBOOK_REPO_URL is not set/);
		}
	});

	for (const [value, reason] of [
		['github.com/egca/handbook', 'is not a URL'],
		['ftp://github.com/egca/handbook', 'is not an http(s) address'],
		['https://github.com/egca', 'names no repository'],
		['https://github.com/egca/handbook?tab=readme', 'has a query'],
		['https://github.com/egca/handbook/blob/main/README.md', 'is not a repository address'],
	] as const) {
		it(`gives no links and a warning saying why for "${value}"`, () => {
			const result = repoLinks(value);
			expect(result.links).toBeUndefined();
			expect(result.warning).toContain(`HANDBOOK_REPO_URL "${value}" ${reason}`);
		});
	}
});
