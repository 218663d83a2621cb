/**
 * Turns an example's tracked files into the StackBlitz project the handbook opens, embeds and
 * zips. Pure: the caller reads the files (see `tracked-files.ts`), so a unit test can feed it a
 * binary file or an oversized project and check the build would stop with the file named.
 */
import type { OpenOptions, Project } from '@stackblitz/sdk';

/** A file of an example as git tracks it, with its path inside the example folder. */
export interface SourceFile {
	path: string;
	bytes: Uint8Array;
}

export interface PayloadLimits {
	/** Largest single file, in bytes. A lock file of a Next.js app is about 400 KB. */
	maxFileBytes: number;
	/** Largest project (sum of file sizes), in bytes: StackBlitz receives it as one form POST. */
	maxProjectBytes: number;
}

export const DEFAULT_LIMITS: PayloadLimits = { maxFileBytes: 1024 * 1024, maxProjectBytes: 4 * 1024 * 1024 };

export interface PayloadInput {
	/** Folder name under `examples/`, used in messages. */
	name: string;
	title: string;
	description: string;
	files: SourceFile[];
	/** Path of the file StackBlitz shows first; must be one of `files`. */
	openFile: string;
	/** npm script StackBlitz runs after `npm install`; must exist in package.json. */
	startScript: string;
}

/** What `/examples/<name>/project.json` holds: the SDK's two arguments, ready to pass. */
export interface ProjectPayload {
	project: Project;
	options: Pick<OpenOptions, 'openFile' | 'startScript'>;
}

/** Why an example cannot become a StackBlitz project; the message names the file. */
export class ExamplePayloadError extends Error {
	override name = 'ExamplePayloadError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The file as text, or an `ExamplePayloadError` when it is binary: StackBlitz projects take code
 * strings only, and a zip of the same files must not differ from what StackBlitz runs.
 */
export function decodeTextFile(file: SourceFile, where: string): string {
	if (file.bytes.includes(0)) {
		throw new ExamplePayloadError(
			`${where}/${file.path} is a binary file: examples run in StackBlitz, which takes text files only. ` +
				'Replace it with a text format (SVG for images) or generate it at run time.',
		);
	}
	try {
		return utf8.decode(file.bytes);
	} catch {
		throw new ExamplePayloadError(`${where}/${file.path} is not valid UTF-8 text: StackBlitz takes text files only. Save it as UTF-8.`);
	}
}

const size = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;

/**
 * Builds the StackBlitz project (`template: 'node'`) from an example's files.
 *
 * @example
 * buildProjectPayload({ name: 'hono-service', title, description, files, openFile: 'src/app.ts', startScript: 'dev' })
 */
export function buildProjectPayload(input: PayloadInput, limits: PayloadLimits = DEFAULT_LIMITS): ProjectPayload {
	const where = `examples/${input.name}`;
	const files: Record<string, string> = {};
	let total = 0;
	for (const file of [...input.files].sort((a, b) => a.path.localeCompare(b.path))) {
		if (file.bytes.byteLength > limits.maxFileBytes) {
			throw new ExamplePayloadError(
				`${where}/${file.path} is ${size(file.bytes.byteLength)}, over the ${size(limits.maxFileBytes)} limit for one file of an example: ` +
					'split it, or keep generated data out of git.',
			);
		}
		total += file.bytes.byteLength;
		if (total > limits.maxProjectBytes) {
			throw new ExamplePayloadError(
				`${where} is over the ${size(limits.maxProjectBytes)} limit for a whole example (reached at ${where}/${file.path}): ` +
					'StackBlitz receives the project as one request; keep the example small.',
			);
		}
		files[file.path] = decodeTextFile(file, where);
	}
	if (!('package.json' in files)) {
		throw new ExamplePayloadError(`${where}/package.json is missing or not committed: a 'node' StackBlitz project needs it.`);
	}
	if (!(input.openFile in files)) {
		throw new ExamplePayloadError(`${where}/${input.openFile} (the file to open first) is not among the example's tracked files.`);
	}
	const scripts = parsePackageJson(files['package.json']!, where).scripts ?? {};
	if (!(input.startScript in scripts)) {
		throw new ExamplePayloadError(`${where}/package.json has no "${input.startScript}" script to start the example with.`);
	}
	return {
		project: { title: input.title, description: input.description, template: 'node', files },
		options: { openFile: input.openFile, startScript: input.startScript },
	};
}

/** What the site reads from an example's package.json. */
export interface PackageJson {
	description?: string;
	scripts?: Record<string, string>;
	engines?: { node?: string };
}

/** An example's package.json, or an `ExamplePayloadError` naming it when it is not valid JSON. */
export function parsePackageJson(text: string, where: string): PackageJson {
	try {
		return JSON.parse(text) as PackageJson;
	} catch (error) {
		throw new ExamplePayloadError(`${where}/package.json is not valid JSON: ${(error as Error).message}`);
	}
}

/** The npm script an example starts with: `dev` when it has one, else `start`. */
export function defaultStartScript(packageJson: { scripts?: Record<string, string> }): string | undefined {
	const scripts = packageJson.scripts ?? {};
	return ['dev', 'start'].find((name) => name in scripts);
}
