/**
 * Everything the site builds from one example, read once per build: the StackBlitz payload, the
 * zip, the file list and the commands to run it. The `Example` component, the example index and
 * the `example-projects` integration all call this, so the page, the JSON and the zip agree.
 *
 * An example is a Node.js project (a committed package.json: it opens in StackBlitz) or a Python
 * one (a committed pyproject.toml: WebContainers have no Python, so it is downloaded and run
 * locally).
 */
import { listRulesFiles, loadRules } from '../rules/load.ts';
import { ruleLabel } from '../rules/schema.ts';
import { catalog, type CatalogEntry, type PlaybookRule } from './catalog.ts';
import { buildProjectPayload, decodeTextFile, defaultStartScript, ExamplePayloadError, parsePackageJson, type ProjectPayload, type SourceFile } from './payload.ts';
import { listExampleNames, readTrackedFiles } from './tracked-files.ts';
import { NodePinError, webcontainerNode, type NodeChoice } from './webcontainer-node.ts';
import { buildZip } from './zip.ts';

interface ExampleBase {
	name: string;
	title: string;
	description: string;
	openFile: string;
	rules: PlaybookRule[];
	/** Other examples the project carries, each in a folder of its name. */
	includes: string[];
	/** The project's files: the example's own, then each included example's under its folder. */
	files: SourceFile[];
	zip: Uint8Array;
	zipUrl: string;
	/** The command that starts it, as a reader types it (`npm run dev`, `uv run fastapi run …`). */
	run: string;
	/** Shell commands, one per line. */
	commands: { fromZip: string; fromRepository: string };
}

/** A Node.js example: it opens in StackBlitz. */
export interface NodeExample extends ExampleBase {
	kind: 'node';
	startScript: string;
	/** package.json `engines.node`, e.g. `>=22.18`. */
	node?: string;
	/** The Node StackBlitz WebContainers run the project on, and why (see webcontainer-node.ts). */
	webcontainer: NodeChoice;
	payload: ProjectPayload;
	/** `JSON.stringify(payload)` as served from `projectUrl`. */
	payloadJson: string;
	/** Site path of the StackBlitz project. */
	projectUrl: string;
}

/** A Python example: downloaded and run locally with uv. */
export interface PythonExample extends ExampleBase {
	kind: 'python';
	/** pyproject.toml `requires-python`, e.g. `>=3.11`. */
	python?: string;
}

export type LoadedExample = NodeExample | PythonExample;

const cache = new Map<string, LoadedExample>();

const titleFromName = (name: string) => name.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());

/** Site path of an example's build-time files. */
export const projectUrlFor = (name: string) => `/examples/${name}/project.json`;
export const zipUrlFor = (name: string) => `/downloads/${name}.zip`;

/**
 * Loads `examples/<name>` from its git-tracked files. Throws an `ExamplePayloadError` naming the
 * file when the example cannot become a project (binary file, too large, no package.json or
 * pyproject.toml, a Python example without its run command).
 */
export function loadExample(name: string, root = process.cwd(), entries: Record<string, CatalogEntry> = catalog): LoadedExample {
	const cached = cache.get(name);
	if (cached) return cached;
	if (!listExampleNames(root).includes(name)) {
		throw new ExamplePayloadError(
			`examples/${name} has no committed package.json or pyproject.toml. Examples with one: ${listExampleNames(root).join(', ') || 'none'}. ` +
				'Commit the example before building its page.',
		);
	}
	const entry = entries[name];
	const includes = entry?.includes ?? [];
	const own = readTrackedFiles(name, root);
	const files = [...own, ...includedFiles(name, own, includes, root)];
	const has = (path: string) => files.some((file) => file.path === path);
	const text = (path: string) => decodeTextFile(files.find((file) => file.path === path)!, `examples/${name}`);
	const title = entry?.title ?? titleFromName(name);
	const base = { name, title, rules: rulesOf(name, entry, root), includes, files, zip: buildZip(name, files), zipUrl: zipUrlFor(name) };
	const example = has('package.json') ? nodeExample(base, entry, has, text) : pythonExample(base, entry, has, text);
	cache.set(name, example);
	return example;
}

/**
 * What the example page lists: the playbook rules the example carries out (content/rules/, each
 * linking to its code and proofs on the example's rules page), then the guide's recommendations
 * it follows (the catalog).
 */
function rulesOf(name: string, entry: CatalogEntry | undefined, root: string): PlaybookRule[] {
	const playbook = listRulesFiles(root).flatMap((file) =>
		loadRules(file, root)
			.rules.filter((rule) => rule.carriedOutBy.some((implementation) => implementation.example === name))
			.map((rule) => ({ text: ruleLabel(rule), href: `/proofs/${name}/#${rule.id}` })),
	);
	return [...playbook, ...(entry?.guide ?? [])];
}

type Base = Pick<ExampleBase, 'name' | 'title' | 'rules' | 'includes' | 'files' | 'zip' | 'zipUrl'>;

function nodeExample(base: Base, entry: CatalogEntry | undefined, has: (path: string) => boolean, text: (path: string) => string): NodeExample {
	const { name, title, files } = base;
	const packageJson = parsePackageJson(text('package.json'), `examples/${name}`);
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
	return {
		...base,
		kind: 'node',
		description,
		openFile,
		startScript,
		node: packageJson.engines?.node,
		webcontainer,
		payload,
		payloadJson: JSON.stringify(payload),
		projectUrl: projectUrlFor(name),
		run,
		commands: {
			fromZip: [`unzip ${name}.zip`, `cd ${name}`, 'npm ci', run].join('\n'),
			fromRepository: [`cd examples/${name}`, 'npm ci', run, '', '# its tests, as CI runs them', 'npm test'].join('\n'),
		},
	};
}

function pythonExample(base: Base, entry: CatalogEntry | undefined, has: (path: string) => boolean, text: (path: string) => string): PythonExample {
	const { name, title } = base;
	const pyproject = text('pyproject.toml');
	// The two fields the site shows, read without a TOML parser: [project] keeps them on one line.
	const field = (key: string) => new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm').exec(pyproject)?.[1];
	const run = entry?.run;
	if (!run) {
		throw new ExamplePayloadError(`examples/${name} is a Python example: give the command that starts it ("run") in src/lib/example-project/catalog.ts.`);
	}
	const tests = ['uv run --locked ruff check .', 'uv run --locked black --check .', 'uv run --locked pytest'];
	return {
		...base,
		kind: 'python',
		description: entry?.description ?? field('description') ?? `The ${title} example of the EGCA Engineering Handbook.`,
		openFile: entry?.openFile ?? (has('README.md') ? 'README.md' : 'pyproject.toml'),
		python: field('requires-python'),
		run,
		commands: {
			fromZip: [`unzip ${name}.zip`, `cd ${name}`, 'uv sync --locked', run].join('\n'),
			fromRepository: [`cd examples/${name}`, 'uv sync --locked', run, '', '# its tests, as CI runs them', ...tests].join('\n'),
		},
	};
}

/**
 * The tracked files of each example in `includes`, under a folder of its name. Throws naming the
 * example when an included one does not exist or its folder would overwrite a file of its own.
 */
function includedFiles(name: string, ownFiles: SourceFile[], includes: string[], root: string): SourceFile[] {
	const own = new Set(ownFiles.map((file) => file.path.split('/')[0]));
	return includes.flatMap((included) => {
		if (included === name || !listExampleNames(root).includes(included)) {
			throw new ExamplePayloadError(`examples/${name} includes "${included}", which is not another example with a committed package.json or pyproject.toml.`);
		}
		if (own.has(included)) {
			throw new ExamplePayloadError(`examples/${name}/${included} already exists: the included example "${included}" would overwrite it.`);
		}
		return readTrackedFiles(included, root).map((file) => ({ path: `${included}/${file.path}`, bytes: file.bytes }));
	});
}

/** Every example with a committed package.json or pyproject.toml, loaded. */
export function loadAllExamples(root = process.cwd()): LoadedExample[] {
	return listExampleNames(root).map((name) => loadExample(name, root));
}

/** Forgets what was read, so a dev server picks up edited examples. */
export function clearExampleCache() {
	cache.clear();
}
