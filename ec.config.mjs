// @ts-check
/**
 * Expressive Code options that cannot pass through astro.config.mjs (functions, plugins): the
 * `<Code>` component that `<ExampleCode>` uses reads them from here. Serializable options stay
 * in astro.config.mjs.
 */
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginTypeHovers } from './src/lib/type-hovers/ec-plugin.ts';

export default defineEcConfig({ plugins: [pluginTypeHovers()] });
