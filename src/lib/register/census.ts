/**
 * Figures over the whole register, for /register/stats/. Pure functions of the register model;
 * every chart on the page is one of these, with its table beside it.
 */
import { breachTypes } from '../../vocabularies.ts';
import { median } from '../casebook/stats.ts';
import type { CountRevision } from './merge.ts';
import { groupByFacet } from '../group-by-facet.ts';
import type { RegisterFacet } from './facets.ts';
import type { Filing } from './model.ts';

/** Filings and individuals affected for one value. */
export interface CensusRow {
	slug: string;
	label: string;
	filings: number;
	individuals: number;
}

const individualsOf = (filings: readonly Filing[]) =>
	filings.reduce((sum, f) => sum + (f.record.individualsAffected ?? 0), 0);

/** Filings and individuals per value of a facet, in the facet's order. */
export function censusBy(filings: readonly Filing[], facet: RegisterFacet): CensusRow[] {
	return groupByFacet(filings, facet).map((g) => ({
		slug: g.value.slug,
		label: g.value.label,
		filings: g.items.length,
		individuals: individualsOf(g.items),
	}));
}

/** Filings per year by their first-listed type of breach: each filing counted once. */
export function filingsByYearAndType(filings: readonly Filing[]) {
	const types = Object.keys(breachTypes.terms) as (keyof typeof breachTypes.terms)[];
	const years = new Map<string, Map<string, number>>();
	for (const f of filings) {
		const year = f.record.submitted.slice(0, 4);
		const type = f.record.breachType[0] ?? 'unknown';
		const row = years.get(year) ?? new Map<string, number>();
		row.set(type, (row.get(type) ?? 0) + 1);
		years.set(year, row);
	}
	const used = types.filter((t) => [...years.values()].some((row) => row.has(t)));
	return {
		types: used.map((t) => ({ key: t, label: breachTypes.terms[t].label })),
		rows: [...years]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([year, row]) => ({ year, counts: used.map((t) => row.get(t) ?? 0) })),
	};
}

/** The share of filings, and of individuals, that reported a business associate. */
export function businessAssociateShare(filings: readonly Filing[]) {
	const withBa = filings.filter((f) => f.record.businessAssociatePresent);
	return {
		filings: { part: withBa.length, of: filings.length },
		individuals: { part: individualsOf(withBa), of: individualsOf(filings) },
	};
}

/** The `n` filings with the most individuals affected. */
export function largestFilings(filings: readonly Filing[], n = 20): Filing[] {
	return [...filings]
		.filter((f) => f.record.individualsAffected !== null)
		.sort(
			(a, b) => b.record.individualsAffected! - a.record.individualsAffected! || a.record.id.localeCompare(b.record.id),
		)
		.slice(0, n);
}

/** How often and how far the register's counts are revised. */
export function revisionCensus(filings: readonly Filing[]) {
	const revised = filings.filter((f) => f.revisions.length > 0);
	const all: (CountRevision & { filing: Filing })[] = revised.flatMap((f) =>
		f.revisions.map((r) => ({ ...r, filing: f })),
	);
	const factors = all.flatMap((r) => (r.from && r.to ? [r.to / r.from] : []));
	return {
		/** Filings seen in more than one snapshot, the only ones a revision could be seen in. */
		seenTwice: filings.filter((f) => f.record.firstSeen !== f.record.lastSeen || f.record.history.length > 1).length,
		revised: revised.length,
		placeholders: revised.filter((f) => f.placeholder).length,
		upward: all.filter((r) => (r.to ?? 0) > (r.from ?? 0)).length,
		downward: all.filter((r) => (r.to ?? 0) < (r.from ?? 0)).length,
		medianFactor: median(factors),
		largest: [...all]
			.sort(
				(a, b) =>
					Math.abs((b.to ?? 0) - (b.from ?? 0)) - Math.abs((a.to ?? 0) - (a.from ?? 0)) || a.id.localeCompare(b.id),
			)
			.slice(0, 15),
		absent: filings.filter((f) => f.absent).length,
	};
}
