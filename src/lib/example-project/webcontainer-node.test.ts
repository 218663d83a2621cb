import { describe, expect, it } from 'vitest';
import { NodePinError, webcontainerNode, WEBCONTAINER_DEFAULT_NODE } from './webcontainer-node.ts';

const pkg = (engines?: string) => JSON.stringify(engines ? { engines: { node: engines } } : {});

describe('webcontainerNode', () => {
	it('gives the default Node 20.19 to a project that pins nothing', () => {
		expect(webcontainerNode({ 'package.json': pkg() })).toEqual({ version: WEBCONTAINER_DEFAULT_NODE });
	});

	it('ignores an engines.node range, as WebContainers do', () => {
		expect(webcontainerNode({ 'package.json': pkg('>=22.18') })).toEqual({ version: '20.19.1', ignoredRange: '>=22.18' });
	});

	it('follows an exact engines.node', () => {
		expect(webcontainerNode({ 'package.json': pkg('22.22.3') })).toEqual({ version: '22.22.3', pinnedBy: 'engines.node', pin: '22.22.3' });
	});

	it('prefers .nvmrc, exact or by major', () => {
		expect(webcontainerNode({ '.nvmrc': 'v22.22.1\n', 'package.json': pkg('20.19.1') }).version).toBe('22.22.1');
		expect(webcontainerNode({ '.nvmrc': '22\n', 'package.json': pkg() })).toEqual({ version: '22.22.3', pinnedBy: '.nvmrc', pin: '22' });
	});

	it('refuses a pin WebContainers cannot honour, naming the file', () => {
		expect(() => webcontainerNode({ '.nvmrc': 'lts/*', 'package.json': pkg() })).toThrow(NodePinError);
		expect(() => webcontainerNode({ '.nvmrc': '18', 'package.json': pkg() })).toThrow(/\.nvmrc asks for Node "18"/);
	});
});
