/**
 * "On this page" for an example's rules page: Starlight lists only the page's Markdown headings,
 * so the sections and rules `<ExampleRules>` renders are added here, with the ids it gives them.
 */
import type { TocItem } from '../example-project/example-toc.ts';
import { ruleLabel } from './schema.ts';
import type { ExampleRuleView } from './summary.ts';

/** The headings `<ExampleRules>` renders: a section (h2) with its rules (h3), then what it leaves out. */
export function rulesToc(view: ExampleRuleView): TocItem[] {
	const sections = view.sections.map(({ section, rules }) => ({
		depth: 2,
		slug: section.id,
		text: section.title,
		children: rules.map(({ rule }) => ({ depth: 3, slug: rule.id, text: ruleLabel(rule), children: [] })),
	}));
	return view.leftOut.length > 0 ? [...sections, { depth: 2, slug: 'not-carried-out', text: 'Rules it does not carry out', children: [] }] : sections;
}

/** The example an MDX source's `<ExampleRules example="…">` names, if any. */
export function exampleRulesIn(source: string): { example: string; rules: string } | undefined {
	const tag = /<ExampleRules\s+([^>]*?)\/?>/.exec(source);
	const example = tag && /\bexample="([^"]+)"/.exec(tag[1]!)?.[1];
	if (!example) return undefined;
	return { example, rules: /\brules="([^"]+)"/.exec(tag[1]!)?.[1] ?? 'backend-api' };
}
