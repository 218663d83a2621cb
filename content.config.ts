import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { pageOwnershipSchema } from './src/lib/page-ownership.ts';

// Astro looks for the content config in `srcDir` (here the repository root, so that pages
// live in the top-level `content/docs/`). The schema itself is site code in `src/lib/`.
export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: pageOwnershipSchema }) }),
};
