/**
 * `/<page>.md`: every handbook page as Markdown, for AI assistants and for "Copy page as
 * Markdown". Injected by `./integration.ts`. The page body is rendered first (as
 * starlight-llms-txt does for llms-full.txt), so the code `<ExampleCode>` shows is in it.
 */
import mdxServer from '@astrojs/mdx/server.js';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { experimental_AstroContainer } from 'astro/container';
import { getCollection, render } from 'astro:content';
import { htmlToMarkdown, markdownPath } from './html-to-markdown.ts';

export const prerender = true;

export const getStaticPaths = (async () => {
	const entries = await getCollection('docs', (entry) => entry.id !== '404' && !entry.data.draft);
	return entries.map((entry) => ({ params: { slug: markdownPath(entry.id).slice(1, -'.md'.length) }, props: { entry } }));
}) satisfies GetStaticPaths;

// Components read Starlight's locals (its translations `t`): render with the route's own.
const container = await experimental_AstroContainer.create({ renderers: [{ name: 'astro:jsx', ssr: mdxServer }] });

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props: { entry }, locals, request }) => {
	const { Content } = await render(entry);
	let body: string;
	try {
		body = await htmlToMarkdown(await container.renderToString(Content, { locals, request }));
	} catch (error) {
		throw new Error(`Markdown version of ${entry.filePath}: ${(error as Error).message}`, { cause: error });
	}
	const { title, description } = entry.data;
	const markdown = [`# ${title}`, description ? `> ${description}` : '', body].filter(Boolean).join('\n\n');
	return new Response(`${markdown}\n`, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
