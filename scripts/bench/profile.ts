/**
 * The word profile of a set of write-ups: how many words are on nearly every page, and how much
 * of the text they make up. A Pagefind query loads every location of its words, so a corpus whose
 * common words are commoner than real prose's makes search look heavier than it is, and one whose
 * words are too rare makes it look lighter. The harness reports the synthetic corpus's profile
 * beside the real casebook's, and a unit test keeps the two close.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from '../../src/lib/casebook/frontmatter.ts';

/** Function words, left out: they are on every page of any English text. */
const STOP = new Set(
	`the a an of to and in or for on by at as is was were be it its that with from this which had has
	have their not are but after than more been s i he she they we you his her them there these those
	who what when where how into out up about said no one also did do does can could would should may
	might will other some any all each`.split(/\s+/),
);

export interface WordProfile {
	pages: number;
	/** Words per page, function words left out. */
	wordsPerPage: number;
	/** Distinct stems per page over words per page: low when a page repeats itself. */
	distinctShare: number;
	/** Stems on at least 90 % / 50 % / 25 % of pages. */
	stemsOn90: number;
	stemsOn50: number;
	stemsOn25: number;
	/** The share of all words that belong to stems on at least 90 % of pages. */
	everywhereShare: number;
	/** The commonest stems: occurrences per page and share of pages. */
	top: { stem: string; perPage: number; pages: number }[];
}

/** The narrative of an MDX write-up as words: frontmatter, tags, comments and link targets left out. */
export function bodyWords(mdx: string): string[] {
	const split = splitFrontmatter(mdx);
	const body = typeof split === 'string' ? mdx : split.body;
	return (
		body
			.replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
			.replace(/<[^>]+>/g, ' ')
			.replace(/\]\([^)]*\)/g, ']')
			.toLowerCase()
			.match(/[a-z]+/g) ?? []
	);
}

/** A rough stem (the first six letters), the same for both corpora compared. */
const stem = (word: string) => word.slice(0, 6);

export function wordProfile(pages: string[][]): WordProfile {
	const pageCount = new Map<string, number>();
	const total = new Map<string, number>();
	let words = 0;
	let distinct = 0;
	for (const page of pages) {
		const stems = page.filter((w) => !STOP.has(w)).map(stem);
		words += stems.length;
		for (const s of stems) total.set(s, (total.get(s) ?? 0) + 1);
		const unique = new Set(stems);
		distinct += unique.size;
		for (const s of unique) pageCount.set(s, (pageCount.get(s) ?? 0) + 1);
	}
	const n = pages.length;
	const on = (share: number) => [...pageCount.values()].filter((c) => c >= share * n).length;
	let everywhere = 0;
	for (const [s, c] of pageCount) if (c >= 0.9 * n) everywhere += total.get(s)!;
	return {
		pages: n,
		wordsPerPage: words / n,
		distinctShare: distinct / words,
		stemsOn90: on(0.9),
		stemsOn50: on(0.5),
		stemsOn25: on(0.25),
		everywhereShare: everywhere / words,
		top: [...total]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 8)
			.map(([s, c]) => ({ stem: s, perPage: c / n, pages: pageCount.get(s)! / n })),
	};
}

/** The profile of every `.mdx` write-up in a folder. */
export function folderProfile(dir: string): WordProfile {
	const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
	return wordProfile(files.map((f) => bodyWords(readFileSync(join(dir, f), 'utf8'))));
}
