/**
 * The sections the `Example` component adds to an example page, in the order it renders them.
 * One list for the component (its headings) and for the page's "On this page" (route data
 * middleware in src/route-data.ts), so the two never disagree.
 */
export interface ExampleSection {
	id: string;
	text: string;
}

/** @example exampleSections({ name: 'hono-service', rules: [...] }) // [{ id: 'hono-service-open', text: 'Open it' }, ...] */
export function exampleSections(example: { name: string; kind: 'node' | 'python'; rules: unknown[] }): ExampleSection[] {
	return [
		// Python examples do not open in StackBlitz: they are downloaded.
		{ id: `${example.name}-open`, text: example.kind === 'node' ? 'Open it' : 'Download it' },
		{ id: `${example.name}-run-locally`, text: 'Run it locally' },
		...(example.rules.length > 0 ? [{ id: `${example.name}-rules`, text: 'Handbook rules it demonstrates' }] : []),
		{ id: `${example.name}-files`, text: 'Files' },
	];
}
