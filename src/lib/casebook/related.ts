/**
 * Related case studies: the editor's own `related` list first, then the most similar others by
 * shared vector, recipients, data classes and lessons; among equally similar ones, the nearest in
 * time. Deterministic, indexed by facet value, and bounded per value, so that the work per page
 * does not grow with the size of the casebook.
 */
import { dataClasses, lessons, vectors } from '../../vocabularies.ts';
import type { Incident } from './model.ts';
import { compareNewestFirst } from './model.ts';

/** A related case study with the reason it is shown. */
export interface RelatedIncident {
	incident: Incident;
	/** One line for readers, e.g. "also a tracking-technology case". */
	reason: string;
	/** True when an editor listed it. */
	editorial: boolean;
}

/** How much one shared value of each kind counts. */
const WEIGHTS = { vector: 4, recipient: 3, lesson: 2, dataClass: 1 } as const;
type Kind = keyof typeof WEIGHTS;

/** A value shared by more than this share of the casebook adds too little to be worth indexing. */
const COMMON_SHARE = 0.5;

/**
 * How many case studies on each side of a page, in newest-first order, are scored for each value
 * the page has. A value shared by thousands of cases would otherwise make every page visit all of
 * them, and the build quadratic in the size of the casebook; within the window the nearest in
 * time are compared, which is also what a reader browsing one period expects. Casebooks with
 * fewer than 2 × WINDOW + 1 cases per value are scored exactly.
 */
const WINDOW = 150;

function features(i: Incident): [Kind, string][] {
	return [
		...i.data.vector.filter((v) => v !== 'unknown').map((v): [Kind, string] => ['vector', v]),
		...i.data.recipients.map((r): [Kind, string] => ['recipient', r]),
		...i.data.lessons.map((l): [Kind, string] => ['lesson', l]),
		...i.data.dataClasses.filter((d) => d !== 'unknown').map((d): [Kind, string] => ['dataClass', d]),
	];
}

function reasonFor(kind: Kind, value: string, sharedDataClasses: number): string {
	switch (kind) {
		case 'vector':
			return `also a ${vectors.terms[value as keyof typeof vectors.terms].label.toLowerCase()} case`;
		case 'recipient':
			return `data also went to ${value}`;
		case 'lesson':
			return `same lesson: ${lessons.terms[value as keyof typeof lessons.terms].label.toLowerCase()}`;
		case 'dataClass':
			return sharedDataClasses > 1
				? `${sharedDataClasses} kinds of data in common`
				: `also exposed ${dataClasses.terms[value as keyof typeof dataClasses.terms].label.toLowerCase()}`;
	}
}

/** Builds a function that gives each incident's related case studies, at most `limit` by similarity. */
export function relatedIndex(incidents: readonly Incident[], limit = 4): (incident: Incident) => RelatedIncident[] {
	// Purposely typed arrays over incident positions: this runs once per case page, and with
	// thousands of case studies a Map of score objects per page was most of the build time.
	const n = incidents.length;
	const position = new Map(incidents.map((incident, i) => [incident.slug, i]));
	const rank = new Int32Array(n);
	[...incidents.keys()]
		.sort((a, b) => compareNewestFirst(incidents[a]!, incidents[b]!))
		.forEach((i, r) => (rank[i] = r));
	// Posting lists in newest-first order, so that a page's neighbours in time sit around it.
	const postings = new Map<string, number[]>();
	const byRank = new Int32Array(n);
	rank.forEach((r, i) => (byRank[r] = i));
	for (const i of byRank) {
		for (const [kind, value] of features(incidents[i]!)) {
			const key = `${kind}:${value}`;
			const list = postings.get(key);
			if (list) list.push(i);
			else postings.set(key, [i]);
		}
	}
	/** The first position in `list` whose rank is not below `r`. */
	const lowerBound = (list: number[], r: number) => {
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (rank[list[mid]!]! < r) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	const commonAt = Math.max(8, n * COMMON_SHARE);
	const score = new Int32Array(n);
	const bestWeight = new Int8Array(n);
	const bestFeature = new Int32Array(n);
	const sharedDataClasses = new Int16Array(n);
	const skip = new Uint8Array(n);

	return (incident) => {
		const editorial: RelatedIncident[] = incident.data.related
			.map((slug) => incidents[position.get(slug) ?? -1])
			.filter((i): i is Incident => i !== undefined)
			.map((i) => ({ incident: i, reason: 'chosen by the editors', editorial: true }));
		// The page itself and the editors' picks are marked by position: a lookup by slug for every
		// scored entry was most of this function's cost inside the build.
		const skipped = [incident.slug, ...incident.data.related]
			.map((slug) => position.get(slug))
			.filter((i) => i !== undefined);
		for (const i of skipped) skip[i] = 1;

		const own = features(incident);
		const here = position.get(incident.slug);
		const self = here === undefined ? 0 : rank[here]!;
		const touched: number[] = [];
		own.forEach(([kind, value], f) => {
			const list = postings.get(`${kind}:${value}`) ?? [];
			if (list.length > commonAt && kind === 'dataClass') return;
			const weight = WEIGHTS[kind];
			const at = lowerBound(list, self);
			const end = Math.min(list.length, at + WINDOW + 1);
			for (let p = Math.max(0, at - WINDOW); p < end; p++) {
				const i = list[p]!;
				if (skip[i]) continue;
				if (score[i] === 0) touched.push(i);
				score[i] += weight;
				if (kind === 'dataClass') sharedDataClasses[i]!++;
				if (weight > bestWeight[i]!) {
					bestWeight[i] = weight;
					bestFeature[i] = f;
				}
			}
		});

		// The best `limit` by score, then nearest in time, then newer, without sorting every candidate.
		const distance = (i: number) => Math.abs(rank[i]! - self);
		const better = (a: number, b: number) =>
			score[a]! > score[b]! ||
			(score[a] === score[b] && (distance(a) < distance(b) || (distance(a) === distance(b) && rank[a]! < rank[b]!)));
		const top: number[] = [];
		for (const i of touched) {
			if (score[i]! < 2) continue;
			if (top.length < limit) top.push(i);
			else if (better(i, top[top.length - 1]!)) top[top.length - 1] = i;
			else continue;
			for (let j = top.length - 1; j > 0 && better(top[j]!, top[j - 1]!); j--)
				[top[j], top[j - 1]] = [top[j - 1]!, top[j]!];
		}
		const similar = top.map((i) => {
			const [kind, value] = own[bestFeature[i]!]!;
			return { incident: incidents[i]!, reason: reasonFor(kind, value, sharedDataClasses[i]!), editorial: false };
		});
		for (const i of skipped) skip[i] = 0;
		for (const i of touched) {
			score[i] = 0;
			bestWeight[i] = 0;
			sharedDataClasses[i] = 0;
		}
		return [...editorial, ...similar];
	};
}
