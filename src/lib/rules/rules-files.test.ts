/**
 * Every rules file in content/rules/ against what it describes: its proofs point at files,
 * regions and tests that exist (as the build checks), every rule is the source's own words, every
 * rule of the source is in the file, and its sections are headings of the playbook page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteAnchors } from '../decision-tree/site-anchors.ts';
import { listRulesFiles, loadRules } from './load.ts';

/** Compared as a reader reads: runs of white space are one space. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The source's rules: each bullet (`•`) with its continuation lines, and the lines that stand alone as rules. */
function sourceRules(source: string): string[] {
	const rules: string[] = [];
	let current: string[] | undefined;
	for (const line of source.split(/\r?\n/)) {
		const bullet = /^\s*•\s*(.*)$/.exec(line);
		if (bullet) {
			if (current) rules.push(current.join('\n'));
			current = [bullet[1]!];
		} else if (current && line.trim() !== '' && /^\s{4,}/.test(line)) {
			current.push(line);
		} else if (current) {
			rules.push(current.join('\n'));
			current = undefined;
		}
		if (/^Not reasons to split:/.test(line.trim())) rules.push(line.trim());
	}
	if (current) rules.push(current.join('\n'));
	return rules;
}

const pages = siteAnchors('content/docs');

describe.each(listRulesFiles())('rules file content/rules/%s.yaml', (name) => {
	const rules = loadRules(name);
	const source = readFileSync(join('content/sources', rules.source), 'utf8');

	it('names only files, regions, tests and steps that exist (what the build checks)', () => {
		expect(rules.rules.length).toBeGreaterThan(0);
	});

	it("gives every rule in the source's own words", () => {
		const text = normalise(source);
		for (const rule of rules.rules) expect(text, `rule "${rule.id}"`).toContain(normalise(rule.text));
	});

	it('has every rule of the source', () => {
		const texts = rules.rules.map((rule) => normalise(rule.text));
		const missing = sourceRules(source).filter((rule) => !texts.some((text) => text.includes(normalise(rule))));
		expect(missing).toEqual([]);
	});

	it('puts each section under a heading of the playbook page', () => {
		const headings = pages.get(rules.page);
		expect(headings, `page ${rules.page}`).toBeDefined();
		for (const section of rules.sections) expect([...headings!], `section "${section.id}"`).toContain(section.heading);
	});
});

describe('content/sources', () => {
	// The handbook's copy of its source texts, checked against the originals where they are
	// beside the repository (the developers' machines and CI have them in ../shared/source).
	const originals = '../shared/source';
	it.skipIf(!existsSync(originals))('is the same text as the originals in ../shared/source', () => {
		for (const name of ['playbook-backend-api.txt', 'dedicated-backend-frameworks.md']) {
			expect(readFileSync(join('content/sources', name), 'utf8'), name).toBe(readFileSync(join(originals, name), 'utf8'));
		}
	});
});

describe('rules pages', () => {
	it('gives every example that carries out a rule its rules page (content/docs/proofs/<example>.mdx)', () => {
		const examples = new Set(listRulesFiles().flatMap((name) => loadRules(name).rules.flatMap((rule) => rule.carriedOutBy.map((implementation) => implementation.example))));
		for (const example of examples) expect(existsSync(join('content/docs/proofs', `${example}.mdx`)), example).toBe(true);
	});
});
