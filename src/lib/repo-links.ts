/**
 * "Edit this page" and "Report a problem" links, from the repository URL the site is built with
 * (`HANDBOOK_REPO_URL`). Unset or not a repository URL: no links, and a warning for the build
 * log, never a broken link. GitHub's URL shapes, and GitLab's for a host named gitlab.
 *
 * @example
 * repoLinks('https://github.com/egca/handbook').links?.editBaseUrl // 'https://github.com/egca/handbook/edit/main/'
 * repoLinks('https://github.com/egca/handbook/tree/develop').links?.editBaseUrl // '…/edit/develop/'
 */
export interface RepoLinks {
	/** Prefix for a file path from the repository root (Starlight's `editLink.baseUrl`). */
	editBaseUrl: string;
	/** A new-issue form prefilled with the page's title, address and source file. */
	reportUrl(page: { title: string; url: string; source?: string }): string;
}

export type RepoLinksResult = { links: RepoLinks; warning?: undefined } | { links?: undefined; warning: string };

const EXAMPLE = 'https://github.com/egca/engineering-handbook';

export function repoLinks(value: string | undefined): RepoLinksResult {
	if (!value?.trim()) {
		return { warning: `HANDBOOK_REPO_URL is not set: pages are built without "Edit this page" and "Report a problem" links. Set it to the repository's address, e.g. ${EXAMPLE}.` };
	}
	const invalid = (why: string) => ({
		warning: `HANDBOOK_REPO_URL "${value}" ${why}: pages are built without "Edit this page" and "Report a problem" links. Give the repository's address, e.g. ${EXAMPLE} (or …/tree/<branch>).`,
	});
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return invalid('is not a URL');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return invalid('is not an http(s) address');
	if (url.search || url.hash || url.username || url.password) return invalid('has a query, fragment or credentials');
	const [owner, name, ...rest] = url.pathname.split('/').filter(Boolean);
	if (!owner || !name) return invalid('names no repository (expected https://host/<owner>/<repository>)');
	const gitlab = url.hostname.includes('gitlab');
	const treeAt = gitlab && rest[0] === '-' ? 1 : 0;
	let branch = 'main';
	if (rest.length > 0) {
		if (rest[treeAt] !== 'tree' || rest.length !== treeAt + 2) return invalid('is not a repository address or a …/tree/<branch> address');
		branch = rest[treeAt + 1]!;
	}
	const repo = `${url.origin}/${owner}/${name.replace(/\.git$/, '')}`;
	const body = ({ url: pageUrl, source }: { url: string; source?: string }) =>
		`Page: ${pageUrl}\n${source ? `Source: ${source}\n` : ''}\nWhat is wrong, missing or out of date:\n\n`;
	return {
		links: gitlab
			? {
					editBaseUrl: `${repo}/-/edit/${branch}/`,
					reportUrl: (page) =>
						`${repo}/-/issues/new?${new URLSearchParams({ 'issue[title]': `Handbook: ${page.title}`, 'issue[description]': body(page) })}`,
				}
			: {
					editBaseUrl: `${repo}/edit/${branch}/`,
					reportUrl: (page) => `${repo}/issues/new?${new URLSearchParams({ title: `Handbook: ${page.title}`, body: body(page) })}`,
				},
	};
}
