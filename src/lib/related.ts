/**
 * Related case studies: the editor's own `related` list first, then the most similar others by
 * shared vector, recipients, data classes and lessons. Deterministic, and indexed by facet value
 * so that it does not compare every pair of a large casebook.
 */
import { dataClasses, lessons, vectors } from '../vocabularies.ts';
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

function features(i: Incident): [Kind, string][] {
	return [
		...i.data.vector.filter((v) => v !== 'unknown').map((v): [Kind, string] => ['vector', v]),
		...i.data.recipients.map((r): [Kind, string] => ['recipient', r]),
		...i.data.lessons.map((l): [Kind, string] => ['lesson', l]),
		...i.data.dataClasses.map((d): [Kind, string] => ['dataClass', d]),
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
	const bySlug = new Map(incidents.map((i) => [i.slug, i]));
	const postings = new Map<string, Incident[]>();
	for (const incident of incidents) {
		for (const [kind, value] of features(incident)) {
			const key = `${kind}:${value}`;
			const list = postings.get(key) ?? [];
			list.push(incident);
			postings.set(key, list);
		}
	}
	const commonAt = Math.max(8, incidents.length * COMMON_SHARE);

	return (incident) => {
		const editorial: RelatedIncident[] = incident.data.related
			.map((slug) => bySlug.get(slug))
			.filter((i): i is Incident => i !== undefined)
			.map((i) => ({ incident: i, reason: 'chosen by the editors', editorial: true }));
		const skip = new Set([incident.slug, ...incident.data.related]);

		const scores = new Map<
			Incident,
			{ score: number; best: [Kind, string]; bestWeight: number; dataClasses: number }
		>();
		for (const [kind, value] of features(incident)) {
			const list = postings.get(`${kind}:${value}`) ?? [];
			if (list.length > commonAt && kind === 'dataClass') continue;
			for (const other of list) {
				if (skip.has(other.slug)) continue;
				const entry = scores.get(other) ?? { score: 0, best: [kind, value], bestWeight: 0, dataClasses: 0 };
				entry.score += WEIGHTS[kind];
				if (kind === 'dataClass') entry.dataClasses++;
				if (WEIGHTS[kind] > entry.bestWeight) {
					entry.best = [kind, value];
					entry.bestWeight = WEIGHTS[kind];
				}
				scores.set(other, entry);
			}
		}
		const similar = [...scores.entries()]
			.filter(([, s]) => s.score >= 2)
			.sort(([a, sa], [b, sb]) => sb.score - sa.score || compareNewestFirst(a, b))
			.slice(0, limit)
			.map(([other, s]) => ({
				incident: other,
				reason: reasonFor(s.best[0], s.best[1], s.dataClasses),
				editorial: false,
			}));
		return [...editorial, ...similar];
	};
}
