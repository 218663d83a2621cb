/**
 * "Copy as decision record": the outcome and the answers that led to it, as a Markdown ADR
 * an engineer pastes into the repository or the ticket and defends in review.
 */
import type { Addon, DecisionTree, Outcome } from './schema.ts';
import type { Walk } from './engine.ts';

export interface RecordOptions {
	/** The page the record came from, with the answers in its query string. */
	url: string;
	/** The site origin, to make the handbook's links absolute. */
	origin: string;
	/** YYYY-MM-DD */
	date: string;
}

/**
 * Builds the Markdown ADR for an outcome.
 *
 * @example
 * decisionRecord(tree, walk, outcome, addons, { url: location.href, origin: location.origin, date: '2026-11-20' })
 */
export function decisionRecord(tree: DecisionTree, path: Walk, outcome: Outcome, addons: Addon[], options: RecordOptions): string {
	const link = (label: string, href: string) => `[${label}](${new URL(href, options.origin).href})`;
	const decision = [outcome.title, ...addons.map((addon) => addon.title.toLowerCase())].join(', and ');
	const lines = [
		`# ADR: ${decision}`,
		'',
		`- Status: Proposed`,
		`- Date: ${options.date}`,
		`- Decision aid: ${link(tree.title, options.url)}`,
		'',
		'## Context',
		'',
		`We answered the handbook's decision aid "${tree.title}":`,
		'',
		...path.steps.map((step) => `- ${step.question.question} **${step.option.label}**`),
		'',
		'## Decision',
		'',
		`${decision}.`,
		'',
		outcome.summary,
		...addons.flatMap((addon) => ['', addon.summary]),
		'',
		'### Why',
		'',
		...path.steps.flatMap((step) => (step.because ? [`- ${step.because}`] : [])),
		'',
		'## Consequences',
		'',
		...[...outcome.costs, ...addons.flatMap((addon) => addon.costs)].map((cost) => `- ${cost}`),
		'',
		'The rules we follow next:',
		'',
		...[...outcome.checklist, ...addons.flatMap((addon) => addon.checklist)].map(
			(item) => `- [ ] ${item.text}${item.href ? ` (${link('playbook', item.href)})` : ''}`,
		),
		'',
		'## Links',
		'',
		...[...outcome.sections, ...addons.flatMap((addon) => addon.sections), ...outcome.examples, ...addons.flatMap((addon) => addon.examples)].map(
			(item) => `- ${link(item.label, item.href)}`,
		),
		'',
	];
	return lines.join('\n');
}
