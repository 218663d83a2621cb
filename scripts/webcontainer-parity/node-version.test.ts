import { describe, expect, it } from 'vitest';
import { NodePinError, webcontainerNode, WEBCONTAINER_DEFAULT_NODE } from './node-version.ts';

const pkg = (engines?: string) => JSON.stringify(engines ? { engines: { node: engines } } : {});

describe('webcontainerNode', () => {
	it('gives the default Node 20.19 to a project that pins nothing', () => {
		expect(webcontainerNode({ 'package.json': pkg() })).toMatchObject({ version: WEBCONTAINER_DEFAULT_NODE, reason: expect.stringContaining('default') });
	});

	it('ignores an engines.node range, as WebContainers do', () => {
		const choice = webcontainerNode({ 'package.json': pkg('>=22.18') });
		expect(choice.version).toBe('20.19.1');
		expect(choice.reason).toContain('">=22.18" is a range');
	});

	it('follows an exact engines.node', () => {
		expect(webcontainerNode({ 'package.json': pkg('22.22.3') })).toEqual({ version: '22.22.3', reason: 'engines.node 22.22.3' });
	});

	it('prefers .nvmrc, exact or by major', () => {
		expect(webcontainerNode({ '.nvmrc': 'v22.22.1\n', 'package.json': pkg('20.19.1') }).version).toBe('22.22.1');
		expect(webcontainerNode({ '.nvmrc': '22\n', 'package.json': pkg() })).toEqual({ version: '22.22.3', reason: '.nvmrc 22' });
	});

	it('refuses a pin WebContainers cannot honour, naming the file', () => {
		expect(() => webcontainerNode({ '.nvmrc': 'lts/*', 'package.json': pkg() })).toThrow(NodePinError);
		expect(() => webcontainerNode({ '.nvmrc': '18', 'package.json': pkg() })).toThrow(/\.nvmrc asks for Node "18"/);
	});
});
