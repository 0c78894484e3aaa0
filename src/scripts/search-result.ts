/**
 * One search result as the reader sees it, in the ⌘K dialog and on the search page alike: its
 * title, its line (kind, organization, date, count) and its excerpt. The two places differ only in
 * how they wrap them: in the dialog the whole result is one link, for the arrow keys to move
 * between; on the page the title is a heading that links, as the page's outline wants.
 */
import { resultExcerpt, resultLine, type ResultData } from './pagefind-client.ts';

/** Where a result is drawn. */
export type ResultPlace = 'dialog' | 'page';

/** Each place's elements and classes: the item's, the link's, and its line's and excerpt's. */
const LOOKS = {
	dialog: {
		item: '',
		link: 'block rounded px-3 py-2 no-underline hover:bg-surface focus:bg-surface',
		part: 'span',
		line: 'block text-sm text-muted',
		excerpt: 'block text-sm text-fg',
	},
	page: {
		item: 'border-b border-border py-4',
		link: '',
		part: 'p',
		line: 'text-sm text-muted',
		excerpt: 'mt-1',
	},
} as const;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
	const made = document.createElement(tag);
	if (className) made.className = className;
	if (text !== undefined) made.textContent = text;
	return made;
}

/** A result as a list item for `place`; `hasQuery` decides its excerpt (resultExcerpt). */
export function renderResult(data: ResultData, hasQuery: boolean, place: ResultPlace): HTMLLIElement {
	const look = LOOKS[place];
	const title = data.meta.title ?? data.url;
	const line = element(look.part, look.line, resultLine(data));
	const excerpt = element(look.part, look.excerpt);
	const shown = resultExcerpt(data, hasQuery);
	if ('html' in shown) excerpt.innerHTML = shown.html;
	else excerpt.textContent = shown.text;
	const link = element('a', look.link);
	link.href = data.url;
	const item = element('li', look.item);
	if (place === 'dialog') {
		link.append(element('span', 'block font-medium text-link', title), line, excerpt);
		item.append(link);
	} else {
		link.textContent = title;
		const heading = element('h2', 'text-lg font-semibold');
		heading.append(link);
		item.append(heading, line, excerpt);
	}
	return item;
}
