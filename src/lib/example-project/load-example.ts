/**
 * Everything the site builds from one example, read once per build: the StackBlitz payload, the
 * zip, the file list and the commands to run it. The `Example` component, the example index and
 * the `example-projects` integration all call this, so the page, the JSON and the zip agree.
 */
import { catalog, type CatalogEntry, type PlaybookRule } from './catalog.ts';
import { buildProjectPayload, defaultStartScript, ExamplePayloadError, parsePackageJson, type ProjectPayload, type SourceFile } from './payload.ts';
import { listExampleNames, readTrackedFiles } from './tracked-files.ts';
import { NodePinError, webcontainerNode, type NodeChoice } from './webcontainer-node.ts';
import { buildZip } from './zip.ts';

export interface LoadedExample {
	name: string;
	title: string;
	description: string;
	openFile: string;
	startScript: string;
	/** package.json `engines.node`, e.g. `>=22.18`. */
	node?: string;
	/** The Node StackBlitz WebContainers run the project on, and why (see webcontainer-node.ts). */
	webcontainer: NodeChoice;
	rules: PlaybookRule[];
	/** Other examples the project carries, each in a folder of its name. */
	includes: string[];
	/** The project's files: the example's own, then each included example's under its folder. */
	files: SourceFile[];
	payload: ProjectPayload;
	/** `JSON.stringify(payload)` as served from `projectUrl`. */
	payloadJson: string;
	zip: Uint8Array;
	/** Site paths of the build-time files. */
	projectUrl: string;
	zipUrl: string;
	/** Shell commands, one per line. */
	commands: { fromZip: string; fromRepository: string };
}

const cache = new Map<string, LoadedExample>();

const titleFromName = (name: string) => name.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());

/** Site path of an example's build-time files. */
export const projectUrlFor = (name: string) => `/examples/${name}/project.json`;
export const zipUrlFor = (name: string) => `/downloads/${name}.zip`;

/**
 * Loads `examples/<name>` from its git-tracked files. Throws an `ExamplePayloadError` naming the
 * file when the example cannot become a project (binary file, too large, no package.json).
 */
export function loadExample(name: string, root = process.cwd(), entries: Record<string, CatalogEntry> = catalog): LoadedExample {
	const cached = cache.get(name);
	if (cached) return cached;
	if (!listExampleNames(root).includes(name)) {
		throw new ExamplePayloadError(
			`examples/${name} has no committed package.json. Examples with one: ${listExampleNames(root).join(', ') || 'none'}. ` +
				'Commit the example before building its page.',
		);
	}
	const entry = entries[name];
	const includes = entry?.includes ?? [];
	const own = readTrackedFiles(name, root);
	const files = [...own, ...includedFiles(name, own, includes, root)];
	const packageFile = files.find((file) => file.path === 'package.json');
	const packageJson = packageFile ? parsePackageJson(new TextDecoder().decode(packageFile.bytes), `examples/${name}`) : {};
	const has = (path: string) => files.some((file) => file.path === path);
	const title = entry?.title ?? titleFromName(name);
	const description = entry?.description ?? packageJson.description ?? `The ${title} example of the EGCA Engineering Handbook.`;
	const openFile = entry?.openFile ?? (has('README.md') ? 'README.md' : 'package.json');
	const startScript = entry?.startScript ?? defaultStartScript(packageJson) ?? 'start';
	const payload = buildProjectPayload({ name, title, description, files, openFile, startScript });
	let webcontainer: NodeChoice;
	try {
		webcontainer = webcontainerNode(payload.project.files);
	} catch (error) {
		if (error instanceof NodePinError) throw new ExamplePayloadError(`examples/${name}/${error.message}`);
		throw error;
	}
	const run = startScript === 'start' ? 'npm start' : `npm run ${startScript}`;
	const example: LoadedExample = {
		name,
		title,
		description,
		openFile,
		startScript,
		node: packageJson.engines?.node,
		webcontainer,
		rules: entry?.rules ?? [],
		includes,
		files,
		payload,
		payloadJson: JSON.stringify(payload),
		zip: buildZip(name, files),
		projectUrl: projectUrlFor(name),
		zipUrl: zipUrlFor(name),
		commands: {
			fromZip: [`unzip ${name}.zip`, `cd ${name}`, 'npm ci', run].join('\n'),
			fromRepository: [`cd examples/${name}`, 'npm ci', run, '', '# its tests, as CI runs them', 'npm test'].join('\n'),
		},
	};
	cache.set(name, example);
	return example;
}

/**
 * The tracked files of each example in `includes`, under a folder of its name. Throws naming the
 * example when an included one does not exist or its folder would overwrite a file of its own.
 */
function includedFiles(name: string, ownFiles: SourceFile[], includes: string[], root: string): SourceFile[] {
	const own = new Set(ownFiles.map((file) => file.path.split('/')[0]));
	return includes.flatMap((included) => {
		if (included === name || !listExampleNames(root).includes(included)) {
			throw new ExamplePayloadError(`examples/${name} includes "${included}", which is not another example with a committed package.json.`);
		}
		if (own.has(included)) {
			throw new ExamplePayloadError(`examples/${name}/${included} already exists: the included example "${included}" would overwrite it.`);
		}
		return readTrackedFiles(included, root).map((file) => ({ path: `${included}/${file.path}`, bytes: file.bytes }));
	});
}

/** Every example with a committed package.json, loaded. */
export function loadAllExamples(root = process.cwd()): LoadedExample[] {
	return listExampleNames(root).map((name) => loadExample(name, root));
}

/** Forgets what was read, so a dev server picks up edited examples. */
export function clearExampleCache() {
	cache.clear();
}
