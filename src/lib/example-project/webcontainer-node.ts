/**
 * Which Node.js StackBlitz WebContainers run a project on, read from the project's files the way
 * WebContainers read them (stackblitz/webcontainer-core#560): `.nvmrc`, else an exact
 * `engines.node`, else the default. Pure, so a unit test covers every case.
 */

/** WebContainers' default Node: what a StackBlitz log shows (vercel/next.js#84026: Node 20.19.1, npm 10.8.2). */
export const WEBCONTAINER_DEFAULT_NODE = '20.19.1';

/** The npm WebContainers' default Node comes with. */
export const WEBCONTAINER_NPM = '10.8.2';

/** What a major-only pin gets: Node 22.22.3 has been live in WebContainers since 2026-06 (webcontainer-core#2106). */
const LATEST_BY_MAJOR: Record<string, string> = { '20': WEBCONTAINER_DEFAULT_NODE, '22': '22.22.3' };

export interface NodeChoice {
	version: string;
	/** The file that pinned it, and what it says; neither when WebContainers' default applies. */
	pinnedBy?: '.nvmrc' | 'engines.node';
	pin?: string;
	/** package.json `engines.node` when it is a range (WebContainers do not follow ranges). */
	ignoredRange?: string;
}

/** Thrown for a pin WebContainers cannot honour; the message names the file. */
export class NodePinError extends Error {
	override name = 'NodePinError';
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
 * webcontainerNode({ 'package.json': '{"engines":{"node":">=22.18"}}' }) // { version: '20.19.1', ignoredRange: '>=22.18' }
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
