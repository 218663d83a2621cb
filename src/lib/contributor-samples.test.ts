/**
 * The `<ExampleCode>` samples a contributor copies from README.md and the Contributing page must
 * work as written: each names a file and a region that exist (the build would fail otherwise).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCode } from './read-code.ts';

const documents = ['README.md', 'content/docs/handbook/contributing.mdx'];

/** Every `<ExampleCode file="…" region="…" />` in a document, in code or not. */
function samples(document: string) {
	return [...readFileSync(document, 'utf8').matchAll(/<ExampleCode\s+([^>]*?)\/>/g)].map((match) => ({
		document,
		file: /\bfile="([^"]+)"/.exec(match[1]!)?.[1],
		region: /\bregion="([^"]+)"/.exec(match[1]!)?.[1],
	}));
}

describe('contributor samples', () => {
	const all = documents.flatMap(samples);

	it('finds the samples (README and Contributing each show one)', () => {
		for (const document of documents) expect(all.filter((sample) => sample.document === document).length, document).toBeGreaterThan(0);
	});

	it.each(all)('$document: <ExampleCode file="$file" region="$region" /> resolves', ({ file, region }) => {
		expect(file, 'the sample names no file').toBeTruthy();
		expect(readCode({ file: file!, region }).length).toBeGreaterThan(0);
	});
});
