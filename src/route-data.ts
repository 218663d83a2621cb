/**
 * Starlight route data middleware: example pages list the sections the `Example` component
 * renders ("Open it", "Run it locally", rules, "Files") in "On this page", and an example's rules
 * page the sections and rules `ExampleRules` renders.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withExampleSections } from './lib/example-project/example-toc.ts';
import { loadExample } from './lib/example-project/load-example.ts';
import { exampleSections } from './lib/example-project/sections.ts';
import { kindsOf, loadRules } from './lib/rules/load.ts';
import { rulesOfExample } from './lib/rules/summary.ts';
import { exampleRulesIn, rulesToc } from './lib/rules/toc.ts';

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	if (!route.toc || !route.entry.body) return;
	route.toc.items = withExampleSections(route.toc.items, route.entry.body, (name) => exampleSections(loadExample(name)), route.entry.filePath ?? route.id);
	const rulesPage = exampleRulesIn(route.entry.body);
	if (rulesPage) route.toc.items.push(...rulesToc(rulesOfExample(loadRules(rulesPage.rules), rulesPage.example, kindsOf())));
});
