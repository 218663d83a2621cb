/**
 * What a rules file says at a glance: how many rules the examples carry out in each language,
 * how many are decisions the decision aid applies, and which no example carries out and why.
 */
import type { ExampleKind } from '../example-project/checks.ts';
import type { Implementation, Rule, RulesFile } from './schema.ts';

export type Language = 'TypeScript' | 'Python';
export const languageOf = (kind: ExampleKind): Language => (kind === 'python' ? 'Python' : 'TypeScript');

export interface LanguageCount {
	language: Language;
	/** Rules some example of this language carries out, fully or partly. */
	carried: number;
	/** Of those, the ones no example of this language carries out in full. */
	partly: number;
}

export interface RulesSummary {
	total: number;
	languages: LanguageCount[];
	/** Decisions the decision aid applies. */
	decisions: Rule[];
	/** Rules no example carries out (and no decision aid applies), with the reason. */
	notCarriedOut: Rule[];
}

/** The implementations of `rule` in `language`. */
export function implementationsIn(rule: Rule, language: Language, kinds: Map<string, ExampleKind>): Implementation[] {
	return rule.carriedOutBy.filter((implementation) => languageOf(kinds.get(implementation.example) ?? 'node') === language);
}

/**
 * @example
 * summarize(loadRules('backend-api'), kindsOf()).languages
 * // [{ language: 'TypeScript', carried: 30, partly: 4 }, { language: 'Python', carried: 24, partly: 6 }]
 */
export function summarize(rules: RulesFile, kinds: Map<string, ExampleKind>): RulesSummary {
	const languages = (['TypeScript', 'Python'] as const).map((language) => {
		const carried = rules.rules.filter((rule) => implementationsIn(rule, language, kinds).length > 0);
		const partly = carried.filter((rule) => implementationsIn(rule, language, kinds).every((implementation) => implementation.partly));
		return { language, carried: carried.length, partly: partly.length };
	});
	return {
		total: rules.rules.length,
		languages,
		decisions: rules.rules.filter((rule) => rule.appliedBy),
		notCarriedOut: rules.rules.filter((rule) => rule.carriedOutBy.length === 0 && !rule.appliedBy),
	};
}

export interface ExampleRuleView {
	/** The sections with at least one rule the example carries out, in the file's order. */
	sections: { section: RulesFile['sections'][number]; rules: { rule: Rule; implementation: Implementation }[] }[];
	/** Rules it does not carry out that are its to carry (no decision, not another language's only), and why. */
	leftOut: { rule: Rule; why: string }[];
}

/** What one example carries out of a rules file, by section, and what it leaves out. */
export function rulesOfExample(rules: RulesFile, example: string, kinds: Map<string, ExampleKind>): ExampleRuleView {
	const kind = kinds.get(example);
	const sections = rules.sections
		.map((section) => ({
			section,
			rules: rules.rules
				.filter((rule) => rule.section === section.id)
				.flatMap((rule) => rule.carriedOutBy.filter((implementation) => implementation.example === example).map((implementation) => ({ rule, implementation }))),
		}))
		.filter((entry) => entry.rules.length > 0);
	const leftOut = rules.rules
		.filter((rule) => !rule.appliedBy && !rule.carriedOutBy.some((implementation) => implementation.example === example))
		.filter((rule) => rule.carriedOutBy.length === 0 || rule.carriedOutBy.some((implementation) => kinds.get(implementation.example) === kind))
		.map((rule) => {
			const elsewhere = rule.carriedOutBy.map((implementation) => implementation.example);
			return { rule, why: elsewhere.length > 0 ? `Carried out by ${elsewhere.join(', ')}.` : (rule.notCarriedOut ?? 'No example carries it out.') };
		});
	return { sections, leftOut };
}
