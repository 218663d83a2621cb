/**
 * `<decision-tree>`: the interactive part of DecisionTree.astro, one question at a time
 * (the GOV.UK Smart Answers pattern). It only renders: the state, the URL encoding and the
 * evaluation are the pure engine in src/lib/decision-tree/, tested without a browser.
 */
import { answer, back, parseQuery, toQuery, view, type State, type Step } from '../../lib/decision-tree/engine.ts';
import { decisionRecord } from '../../lib/decision-tree/record.ts';
import type { DecisionTree } from '../../lib/decision-tree/schema.ts';

type Child = Node | string | false | undefined | Child[];

/** A tiny element builder: attributes starting with "on" are listeners. */
function h(tag: string, attrs: Record<string, unknown> = {}, ...children: Child[]): HTMLElement {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) {
		if (name.startsWith('on')) element.addEventListener(name.slice(2), value as EventListener);
		else if (value === true) element.setAttribute(name, '');
		else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
	}
	element.append(...(children.flat(9).filter((child) => child !== false && child !== undefined) as (Node | string)[]));
	return element;
}

export class DecisionTreeElement extends HTMLElement {
	tree!: DecisionTree;
	app!: HTMLElement;
	state!: State;
	notice?: string;
	uid = '';
	level = 2;

	connectedCallback() {
		this.tree = JSON.parse(this.querySelector('script[data-dt-tree]')?.textContent ?? '{}');
		this.app = this.querySelector('.dt-app') as HTMLElement;
		this.uid = this.id || 'decision-tree';
		this.level = Number(this.dataset.headingLevel) || 2;
		this.load();
		// A link that no longer fits is rewritten to what is shown, so sharing it again is clean.
		if (this.notice) history.replaceState(null, '', this.href(this.state));
		this.render(false);
		this.app.hidden = false;
		this.dataset.ready = '';
		addEventListener('popstate', () => {
			this.load();
			this.render(true);
		});
	}

	load() {
		const { state, notice } = parseQuery(this.tree, location.search);
		this.state = state;
		this.notice = notice;
	}

	href(state: State) {
		// The hash brings a reader who reloads or opens a shared link back to the widget.
		return `${location.pathname}${toQuery(this.tree, state)}#${this.uid}`;
	}

	go(state: State) {
		this.state = state;
		this.notice = undefined;
		history.pushState(null, '', this.href(state));
		this.render(true);
	}

	/** A same-page link to a state: a real link (copy, open in a new tab), handled in place. */
	link(state: State, ...children: Child[]) {
		return h('a', { href: this.href(state), onclick: (event: MouseEvent) => { if (!(event.ctrlKey || event.metaKey || event.shiftKey)) { event.preventDefault(); this.go(state); } } }, ...children);
	}

	heading(text: string, sub = 0, ...before: Child[]) {
		return h(`h${Math.min(this.level + sub, 6)}`, { class: sub ? 'dt-subheading' : 'dt-heading', tabindex: sub ? undefined : '-1' }, ...before, text);
	}

	render(focus: boolean) {
		const current = view(this.tree, this.state);
		const previous = back(this.tree, this.state);
		this.dataset.view = current.kind;
		const body = current.kind === 'question' ? this.question(current) : current.kind === 'check' ? this.check(current.walk.steps) : this.outcome(current);
		const backLink = previous && this.link(previous, 'Back');
		backLink?.classList.add('dt-back');
		this.app.replaceChildren(backLink || '', this.notice ? h('p', { class: 'dt-notice', role: 'status' }, this.notice) : '', body);
		if (focus) (this.app.querySelector('.dt-heading') as HTMLElement | null)?.focus();
	}

	question(current: Extract<ReturnType<typeof view>, { kind: 'question' }>) {
		const { question } = current;
		const id = `${this.uid}-${question.id}`;
		const error = h('p', { class: 'dt-error', id: `${id}-error`, hidden: true }, 'Select an answer to continue.');
		return h(
			'form',
			{
				class: 'dt-form',
				novalidate: true,
				onsubmit: (event: SubmitEvent) => {
					event.preventDefault();
					const value = new FormData(event.target as HTMLFormElement).get(id);
					if (typeof value === 'string') return this.go(answer(this.tree, this.state, question.id, value));
					error.hidden = false;
					(this.app.querySelector('input') as HTMLInputElement).focus();
				},
			},
			h(
				'fieldset',
				{ 'aria-describedby': [question.hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(' ') },
				h('legend', {}, this.heading(question.question, 0, h('span', { class: 'dt-step' }, `Step ${current.step} of ${current.of}`))),
				question.hint && h('p', { class: 'dt-hint', id: `${id}-hint` }, question.hint),
				error,
				h(
					'div',
					{ class: 'dt-options' },
					question.options.map((option, index) =>
						h(
							'div',
							{ class: 'dt-option' },
							h('input', { type: 'radio', name: id, id: `${id}-${index}`, value: option.value, checked: option.value === current.selected }),
							h('label', { for: `${id}-${index}` }, option.label),
						),
					),
				),
			),
			h('button', { class: 'dt-button', type: 'submit' }, 'Continue'),
		);
	}

	check(steps: Step[]) {
		return h(
			'div',
			{},
			this.heading('Check your answers'),
			h(
				'dl',
				{ class: 'dt-summary' },
				steps.map((step) =>
					h(
						'div',
						{},
						h('dt', {}, step.question.question),
						h('dd', {}, step.option.label),
						h('dd', {}, this.link({ ...this.state, change: step.question.id }, 'Change', h('span', { class: 'sr-only' }, ` your answer to: ${step.question.question}`))),
					),
				),
			),
			h('button', { class: 'dt-button', type: 'button', onclick: () => this.go({ answers: this.state.answers, result: true }) }, 'See the recommendation'),
		);
	}

	outcome({ walk, outcome, addons }: Extract<ReturnType<typeof view>, { kind: 'outcome' }>) {
		const adr = decisionRecord(this.tree, walk, outcome, addons, {
			url: location.href,
			origin: location.origin,
			date: new Date().toISOString().slice(0, 10),
		});
		const status = h('p', { class: 'dt-status', role: 'status' });
		const record = h('details', { class: 'dt-adr' }, h('summary', {}, 'Show the decision record (Markdown)'), h('pre', { tabindex: '0' }, adr));
		const links = (items: { label: string; href: string }[]) => h('ul', {}, items.map((item) => h('li', {}, h('a', { href: item.href }, item.label))));
		const because = walk.steps.flatMap((step) => (step.because ? [h('li', {}, step.because)] : []));
		const rules = [...outcome.checklist, ...addons.flatMap((addon) => addon.checklist)];
		const examples = [...outcome.examples, ...addons.flatMap((addon) => addon.examples)];
		return h(
			'div',
			{ class: 'dt-outcome' },
			this.heading([outcome.title, ...addons.map((addon) => addon.title.toLowerCase())].join(', and '), 0, h('span', { class: 'dt-step' }, 'Recommendation')),
			h('p', {}, outcome.summary),
			addons.map((addon) => h('p', {}, addon.summary)),
			this.heading('Why: your answers', 1),
			h('ul', {}, because),
			this.heading('What it costs', 1),
			h('ul', {}, [...outcome.costs, ...addons.flatMap((addon) => addon.costs)].map((cost) => h('li', {}, cost))),
			this.heading('Rules to follow next', 1),
			h('ul', { class: 'dt-checklist' }, rules.map((rule) => h('li', {}, rule.href ? h('a', { href: rule.href }, rule.text) : rule.text))),
			this.heading('Playbook sections that apply', 1),
			links([...outcome.sections, ...addons.flatMap((addon) => addon.sections)]),
			examples.length > 0 && [this.heading('Start from', 1), links(examples)],
			h(
				'div',
				{ class: 'dt-actions' },
				h('button', {
					class: 'dt-button',
					type: 'button',
					onclick: () =>
						navigator.clipboard.writeText(adr).then(
							() => (status.textContent = 'Copied. Paste the decision record into your repository or ticket.'),
							() => {
								record.setAttribute('open', '');
								status.textContent = 'Could not copy: select the decision record below and copy it.';
							},
						),
				}, 'Copy as decision record'),
				h('button', { class: 'dt-button dt-secondary', type: 'button', onclick: () => print() }, 'Print'),
				this.link({ answers: this.state.answers, result: false }, 'Change your answers'),
				this.link({ answers: {}, result: false }, 'Start again'),
			),
			status,
			record,
		);
	}
}

customElements.define('decision-tree', DecisionTreeElement);
