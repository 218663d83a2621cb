/**
 * `npm run rules:readme`: writes the "which rule is proven where" block of every example README
 * that has its markers, from content/rules/*.yaml (src/lib/rules/readme.ts). A unit test fails
 * while a README differs from what this writes, naming this command.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindsOf, listRulesFiles, loadRules } from '../src/lib/rules/load.ts';
import { README_BEGIN, readmeRulesBlock, replaceReadmeRulesBlock } from '../src/lib/rules/readme.ts';

const kinds = kindsOf();
for (const example of kinds.keys()) {
	const path = join('examples', example, 'README.md');
	let readme: string;
	try {
		readme = readFileSync(path, 'utf8');
	} catch {
		continue;
	}
	const name = new RegExp(`${README_BEGIN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([\\w-]+)\\.yaml`).exec(readme)?.[1];
	if (!name) continue;
	if (!listRulesFiles().includes(name)) throw new Error(`${path} asks for content/rules/${name}.yaml, which does not exist.`);
	const updated = replaceReadmeRulesBlock(readme, readmeRulesBlock(name, loadRules(name), example, kinds))!;
	if (updated !== readme) {
		writeFileSync(path, updated);
		console.log(`wrote ${path}`);
	} else console.log(`${path} is current`);
}
