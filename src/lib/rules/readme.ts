/**
 * The "which rule is proven where" table of an example's README, generated from the rules file so
 * the README keeps no second, hand-kept copy. `npm run rules:readme` writes it between the
 * markers; a unit test (readme.test.ts) fails when a README's table differs from the rules file.
 */
import type { ExampleKind } from '../example-project/checks.ts';
import { codeLabel, proofView } from './format.ts';
import type { RulesFile } from './schema.ts';
import { rulesOfExample } from './summary.ts';

export const README_BEGIN = '<!-- rules:begin: generated from content/rules/';
export const README_END = '<!-- rules:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
/** A rule in a table cell: a multi-line one (the playbook's folder trees) line by line, as code. */
const ruleCell = (text: string) => {
	const [first, ...rest] = text.split('\n');
	return rest.length === 0 ? cell(text) : [cell(first!), ...rest.map((line) => `\`${line.trim().replace(/\|/g, '\\|')}\``)].join('<br>');
};
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** The generated block (markers included) for `example`. */
export function readmeRulesBlock(rulesName: string, rules: RulesFile, example: string, kinds: Map<string, ExampleKind>): string {
	const { sections, leftOut } = rulesOfExample(rules, example, kinds);
	const carried = sections.reduce((sum, entry) => sum + entry.rules.length, 0);
	const lines = [
		`${README_BEGIN}${rulesName}.yaml by \`npm run rules:readme\` in the handbook; do not edit by hand -->`,
		'',
		`This example carries out ${carried} of the ${rules.rules.length} rules of the handbook's ${rules.playbook} playbook. ` +
			"Each row names the code and the tests that fail when the rule is broken; the handbook's `npm test` fails when one of them did not run and pass.",
		'',
		'| Section | Playbook rule | What this example does | Code | Proven by |',
		'| --- | --- | --- | --- | --- |',
	];
	for (const { section, rules: entries } of sections) {
		for (const { rule, implementation } of entries) {
			const does = implementation.partly ? `${implementation.does} **Not covered:** ${implementation.partly}` : implementation.does;
			const codeCell = implementation.code.map((ref) => code(codeLabel(ref, example))).join('<br>');
			const proofs = implementation.proofs
				.map((proof) => proofView(proof, example))
				.map((view) => (view.kind === 'step' ? `the \`${view.title}\` step` : `${code(view.file!)} › ${cell(view.title)}`))
				.join('<br>');
			lines.push(`| ${cell(section.title)} | ${ruleCell(rule.text)} | ${cell(does)} | ${codeCell} | ${proofs} |`);
		}
	}
	if (leftOut.length > 0) {
		lines.push('', 'Not carried out here:', '');
		for (const { rule, why } of leftOut) lines.push(`- ${cell(rule.text)} — ${why}`);
	}
	lines.push('', README_END);
	return lines.join('\n');
}

/** `readme` with its generated block replaced; `undefined` when it has no markers. */
export function replaceReadmeRulesBlock(readme: string, block: string): string | undefined {
	const begin = readme.indexOf(README_BEGIN);
	const end = readme.indexOf(README_END);
	if (begin === -1 || end === -1 || end < begin) return undefined;
	return readme.slice(0, begin) + block + readme.slice(end + README_END.length);
}
