/**
 * Which Node.js StackBlitz WebContainers run a project on, read from the project's files the way
 * WebContainers read them (stackblitz/webcontainer-core#560): `.nvmrc`, else an exact
 * `engines.node`, else the default. Pure, so a unit test covers every case.
 */

/**
 * What a major-only pin gets: Node 22.22.3 has been live in WebContainers since 2026-06-12
 * (webcontainer-core#2106, a StackBlitz engineer: "The update is live"); 20.19.1 is the Node 20
 * a StackBlitz log shows (vercel/next.js#84026).
 */
const LATEST_BY_MAJOR: Record<string, string> = { '20': '20.19.1', '22': '22.22.3' };

/**
 * WebContainers' default for a project that pins nothing: Node 22 since about 2026-03
 * (withastro/astro#15864), 22.22.3 since 2026-06. It has changed before, which is why every
 * example pins its Node with `.nvmrc`.
 */
export const WEBCONTAINER_DEFAULT_NODE = LATEST_BY_MAJOR['22']!;

/**
 * The npm the parity check installs with, by Node major: 10.8.2 beside Node 20.19.1 (the same
 * StackBlitz log), and 10.9.4, the npm line that Node 22's releases bundle, beside Node 22 (no
 * published log shows WebContainers' own npm for Node 22).
 */
const NPM_BY_MAJOR: Record<string, string> = { '20': '10.8.2', '22': '10.9.4' };

/** The npm that goes with a Node version in the parity check. */
export function webcontainerNpm(nodeVersion: string): string {
	const npm = NPM_BY_MAJOR[nodeVersion.split('.')[0]!];
	if (!npm) throw new NodePinError(`no npm is known for WebContainers' Node ${nodeVersion}: add its major to NPM_BY_MAJOR`);
	return npm;
}

/** Thrown for a pin WebContainers cannot honour; the message names the file. */
export class NodePinError extends Error {
	override name = 'NodePinError';
}

export interface NodeChoice {
	version: string;
	/** The file that pinned it, and what it says; neither when WebContainers' default applies. */
	pinnedBy?: '.nvmrc' | 'engines.node';
	pin?: string;
	/** package.json `engines.node` when it is a range (WebContainers do not follow ranges). */
	ignoredRange?: string;
}


function resolvePin(pin: string, source: '.nvmrc' | 'engines.node'): NodeChoice {
	const cleaned = pin.trim().replace(/^v/, '');
	if (/^\d+\.\d+\.\d+$/.test(cleaned)) return { version: cleaned, pinnedBy: source, pin: cleaned };
	const major = /^(\d+)(\.x)?$/.exec(cleaned)?.[1];
	const latest = major ? LATEST_BY_MAJOR[major] : undefined;
	if (latest) return { version: latest, pinnedBy: source, pin: cleaned };
	throw new NodePinError(
		`${source} asks for Node "${pin.trim()}": WebContainers offer Node ${Object.keys(LATEST_BY_MAJOR).join(' and ')}. ` +
			'Pin an exact version (e.g. 22.22.3) or a major they offer.',
	);
}

/**
 * The Node version WebContainers pick for a project given its files (path to text).
 *
 * @example
 * webcontainerNode({ '.nvmrc': '22.22.3\n', 'package.json': '{"engines":{"node":">=22.18"}}' }) // { version: '22.22.3', pinnedBy: '.nvmrc', pin: '22.22.3' }
 */
export function webcontainerNode(files: Record<string, string>): NodeChoice {
	const nvmrc = files['.nvmrc'];
	if (nvmrc !== undefined && nvmrc.trim() !== '') return resolvePin(nvmrc, '.nvmrc');
	let engines: string | undefined;
	try {
		engines = (JSON.parse(files['package.json'] ?? '{}') as { engines?: { node?: string } }).engines?.node;
	} catch {
		throw new NodePinError('package.json is not valid JSON: WebContainers could not read its engines.node either.');
	}
	if (engines && /^v?\d+\.\d+\.\d+$/.test(engines.trim())) return resolvePin(engines, 'engines.node');
	return engines ? { version: WEBCONTAINER_DEFAULT_NODE, ignoredRange: engines } : { version: WEBCONTAINER_DEFAULT_NODE };
}
