import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, markdownPath } from './html-to-markdown.ts';

describe('htmlToMarkdown', () => {
	it('keeps headings, prose, links and lists, without the anchor links Starlight adds', async () => {
		const html =
			'<div class="sl-heading-wrapper"><h2 id="rules">Rules</h2><a class="sl-anchor-link" href="#rules"><span>Section titled “Rules”</span></a></div>' +
			'<p>Read the <a href="/playbooks/backend-api/">playbook</a>.</p><ul><li>one</li><li>two</li></ul>';
		expect(await htmlToMarkdown(html)).toBe('## Rules\n\nRead the [playbook](/playbooks/backend-api/).\n\n- one\n- two');
	});

	it('turns an Expressive Code block into a fenced block in its language, without the copy button', async () => {
		const html =
			'<div class="expressive-code"><figure class="frame"><pre data-language="ts"><code>' +
			'<div class="ec-line"><div class="code">const a = 1;</div></div><div class="ec-line"><div class="code">export { a };</div></div>' +
			'</code></pre><div class="copy"><button title="Copy to clipboard" data-code="x">Copy</button></div></figure></div>';
		expect(await htmlToMarkdown(html)).toBe('```ts\nconst a = 1;\nexport { a };\n```');
	});

	it('leaves out widget buttons, scripts and hidden content', async () => {
		const html = '<p>Shown.</p><button>Run here</button><script>alert(1)</script><p hidden>Not offered.</p><div data-markdown-ignore>UI</div>';
		expect(await htmlToMarkdown(html)).toBe('Shown.');
	});

	it('keeps tables', async () => {
		const html = '<table><thead><tr><th>Code</th><th>Status</th></tr></thead><tbody><tr><td>not_found</td><td>404</td></tr></tbody></table>';
		expect(await htmlToMarkdown(html)).toBe('| Code      | Status |\n| --------- | ------ |\n| not_found | 404    |');
	});
});

describe('markdownPath', () => {
	it('puts .md after the page address, the home page at /index.md', () => {
		expect(markdownPath('playbooks/backend-api')).toBe('/playbooks/backend-api.md');
		expect(markdownPath('examples')).toBe('/examples.md');
		expect(markdownPath('index')).toBe('/index.md');
	});
});

describe('htmlToMarkdown with tabs', () => {
	it('shows every tab panel under its label, hidden ones included, without the tab links', async () => {
		const html =
			'<starlight-tabs><div class="tablist-wrapper"><ul role="tablist"><li role="presentation"><a role="tab" href="#tab-panel-0-0">From the download</a></li>' +
			'<li role="presentation"><a role="tab" href="#tab-panel-0-1">From a clone</a></li></ul></div>' +
			'<div id="tab-panel-0-0" role="tabpanel"><p>unzip it</p></div><div id="tab-panel-0-1" role="tabpanel" hidden><p>clone it</p></div></starlight-tabs>';
		expect(await htmlToMarkdown(html)).toBe('**From the download**\n\nunzip it\n\n**From a clone**\n\nclone it');
	});
});
