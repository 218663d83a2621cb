import { describe, expect, it } from 'vitest';
import { NodePinError, webcontainerNode, webcontainerNpm, WEBCONTAINER_DEFAULT_NODE } from './webcontainer-node.ts';

const pkg = (engines?: string) => JSON.stringify(engines ? { engines: { node: engines } } : {});

describe('webcontainerNode', () => {
	it("gives WebContainers' default Node 22.22.3 to a project that pins nothing", () => {
		expect(WEBCONTAINER_DEFAULT_NODE).toBe('22.22.3');
		expect(webcontainerNode({ 'package.json': pkg() })).toEqual({ version: WEBCONTAINER_DEFAULT_NODE });
	});

	it('ignores an engines.node range, as WebContainers do', () => {
		expect(webcontainerNode({ 'package.json': pkg('>=22.18') })).toEqual({ version: '22.22.3', ignoredRange: '>=22.18' });
	});

	it('follows an exact engines.node', () => {
		expect(webcontainerNode({ 'package.json': pkg('22.22.3') })).toEqual({ version: '22.22.3', pinnedBy: 'engines.node', pin: '22.22.3' });
	});

	it('prefers .nvmrc, exact or by major', () => {
		expect(webcontainerNode({ '.nvmrc': 'v22.22.1\n', 'package.json': pkg('20.19.1') }).version).toBe('22.22.1');
		expect(webcontainerNode({ '.nvmrc': '22\n', 'package.json': pkg() })).toEqual({ version: '22.22.3', pinnedBy: '.nvmrc', pin: '22' });
	});

	it('installs the npm that goes with the Node major, and refuses one it knows none for', () => {
		expect(webcontainerNpm('22.22.3')).toBe('10.9.4');
		expect(webcontainerNpm('20.19.1')).toBe('10.8.2');
		expect(() => webcontainerNpm('24.1.0')).toThrow(/no npm is known/);
	});

	it('refuses a pin WebContainers cannot honour, naming the file', () => {
		expect(() => webcontainerNode({ '.nvmrc': 'lts/*', 'package.json': pkg() })).toThrow(NodePinError);
		expect(() => webcontainerNode({ '.nvmrc': '18', 'package.json': pkg() })).toThrow(/\.nvmrc asks for Node "18"/);
	});
});

describe('the examples', () => {
	it("pin WebContainers' Node 22.22.3 with .nvmrc, so StackBlitz runs what the parity check runs", async () => {
		const { loadAllExamples } = await import('./load-example.ts');
		const node = loadAllExamples().filter((example) => example.kind === 'node');
		expect(node.length).toBeGreaterThan(0);
		for (const example of node) {
			if (example.kind !== 'node') continue;
			expect(example.webcontainer, example.name).toEqual({ version: '22.22.3', pinnedBy: '.nvmrc', pin: '22.22.3' });
		}
	});
});
