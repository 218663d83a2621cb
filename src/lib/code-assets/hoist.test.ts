import { describe, expect, it } from 'vitest';
import { hoistCodeAssets } from './hoist.ts';

const css = '<link rel="stylesheet" href="/_astro/ec.9eyy3.css">';
const js = '<script type="module" src="/_astro/ec.o05sq.js"></script>';
const page = (head: string, body: string) => `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;

describe('hoistCodeAssets', () => {
	it('moves the code stylesheet and script into <head>, once each, in their order', () => {
		const html = page('', `<p>a</p><div class="expressive-code">${css}${js}<figure>1</figure></div><p>b</p><div class="expressive-code">${css}${js}<figure>2</figure></div>`);
		expect(hoistCodeAssets(html)).toBe(
			page(`${css}${js}`, '<p>a</p><div class="expressive-code"><figure>1</figure></div><p>b</p><div class="expressive-code"><figure>2</figure></div>'),
		);
	});

	it('keeps a page whose head already has them to one of each', () => {
		const html = page(css, `<div class="expressive-code">${css}<figure>1</figure></div>`);
		expect(hoistCodeAssets(html)).toBe(page(css, '<div class="expressive-code"><figure>1</figure></div>'));
	});

	it('leaves pages without code blocks, other stylesheets and scripts alone', () => {
		const other = '<link rel="stylesheet" href="/_astro/page.abc.css"><script type="module" src="/_astro/page.abc.js"></script>';
		const html = page(other, '<p>no code</p>');
		expect(hoistCodeAssets(html)).toBe(html);
	});

	it('works under a base path or an assets prefix', () => {
		const prefixed = '<link rel="stylesheet" href="https://cdn.example/handbook/_astro/ec.a1-b2.css">';
		expect(hoistCodeAssets(page('', `<div>${prefixed}</div>`))).toBe(page(prefixed, '<div></div>'));
	});

	it('returns a fragment without <head> unchanged', () => {
		expect(hoistCodeAssets(`<div>${css}</div>`)).toBe(`<div>${css}</div>`);
	});
});
