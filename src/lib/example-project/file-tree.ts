/**
 * Turns a flat list of paths into the nested list Starlight's `<FileTree>` reads (the HTML a
 * Markdown list becomes): folders first, each name once, folders marked with a trailing slash.
 */
interface Folder {
	folders: Map<string, Folder>;
	files: string[];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function toFolder(paths: string[]): Folder {
	const root: Folder = { folders: new Map(), files: [] };
	for (const path of paths) {
		const parts = path.split('/');
		const file = parts.pop()!;
		let folder = root;
		for (const part of parts) {
			if (!folder.folders.has(part)) folder.folders.set(part, { folders: new Map(), files: [] });
			folder = folder.folders.get(part)!;
		}
		folder.files.push(file);
	}
	return root;
}

function render(folder: Folder, prefix: string, highlight: Set<string>): string {
	const byName = (a: string, b: string) => a.localeCompare(b);
	const folders = [...folder.folders.keys()].sort(byName).map((name) => `<li>${escapeHtml(name)}/${render(folder.folders.get(name)!, `${prefix}${name}/`, highlight)}</li>`);
	const files = [...folder.files].sort(byName).map((name) => {
		const label = escapeHtml(name);
		return `<li>${highlight.has(prefix + name) ? `<strong>${label}</strong>` : label}</li>`;
	});
	return `<ul>${[...folders, ...files].join('')}</ul>`;
}

/**
 * @example
 * fileTreeHtml(['src/app.ts', 'package.json'], { root: 'hono-service', highlight: ['src/app.ts'] })
 * // '<ul><li>hono-service/<ul><li>src/<ul><li><strong>app.ts</strong></li></ul></li><li>package.json</li></ul></li></ul>'
 */
export function fileTreeHtml(paths: string[], options: { root?: string; highlight?: string[] } = {}): string {
	const tree = render(toFolder(paths), '', new Set(options.highlight ?? []));
	return options.root ? `<ul><li>${escapeHtml(options.root)}/${tree}</li></ul>` : tree;
}
