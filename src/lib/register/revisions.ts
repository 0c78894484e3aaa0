/**
 * The register's memory, measured: how often the portal's counts change from one export to the
 * next, by how much, and how long a 500 or 501 placeholder stands before a real count replaces
 * it; and the filings whose count is still a placeholder. Pure functions of the register model,
 * for /register/stats/ and /register/placeholders/, written against the filings' histories, so
 * that they hold for any number of snapshots.
 */
import { median } from '../casebook/stats.ts';
import { dayNumber } from './freshness.ts';
import { PLACEHOLDER_COUNTS, type CountRevision } from './merge.ts';
import type { Filing } from './model.ts';

const isPlaceholder = (count: number | null | undefined) => count != null && PLACEHOLDER_COUNTS.includes(count);

/** Every snapshot the register holds, oldest first: each date at which some filing was observed. */
export function snapshotsOf(filings: readonly Filing[]): string[] {
	const dates = new Set<string>();
	for (const f of filings) for (const o of f.record.history) dates.add(o.snapshot);
	return [...dates].sort();
}

/** Count revisions in the exports of one year. */
export interface RevisionYear {
	year: string;
	/** Snapshots of that year. */
	exports: number;
	/** Count revisions those exports showed. */
	revisions: number;
	/** Distinct filings revised. */
	filings: number;
	upward: number;
	/** Revisions down, a count withdrawn (made blank) among them: with `upward`, every revision. */
	downward: number;
	/** Revisions that replaced a 500 or 501 placeholder. */
	placeholders: number;
}

/** How often counts changed, per year of export, oldest first; every year with an export is listed, revised or not. */
export function revisionsByExportYear(filings: readonly Filing[]): RevisionYear[] {
	const years = new Map<string, RevisionYear & { ids: Set<string> }>();
	const year = (y: string) => {
		let row = years.get(y);
		if (!row)
			years.set(
				y,
				(row = {
					year: y,
					exports: 0,
					revisions: 0,
					filings: 0,
					upward: 0,
					downward: 0,
					placeholders: 0,
					ids: new Set(),
				}),
			);
		return row;
	};
	for (const snapshot of snapshotsOf(filings)) year(snapshot.slice(0, 4)).exports++;
	for (const f of filings)
		for (const r of f.revisions) {
			const row = year(r.snapshot.slice(0, 4));
			row.revisions++;
			row.ids.add(r.id);
			if ((r.to ?? 0) > (r.from ?? 0)) row.upward++;
			else row.downward++;
			if (r.placeholder) row.placeholders++;
		}
	return [...years.values()]
		.sort((a, b) => a.year.localeCompare(b.year))
		.map(({ ids, ...row }) => ({ ...row, filings: ids.size }));
}

/** Filings of one year of filing, and how many of them the register saw revised. */
export interface RevisedShare {
	year: string;
	filings: number;
	/** Filings whose count changed at least once. */
	revised: number;
	/** Filings whose count changed more than once. */
	revisedTwice: number;
}

/** How many filings of each year filed had their count revised, oldest year first. */
export function revisedByYearFiled(filings: readonly Filing[]): RevisedShare[] {
	const years = new Map<string, RevisedShare>();
	for (const f of filings) {
		const y = f.record.submitted.slice(0, 4);
		const row = years.get(y) ?? { year: y, filings: 0, revised: 0, revisedTwice: 0 };
		row.filings++;
		if (f.revisions.length > 0) row.revised++;
		if (f.revisions.length > 1) row.revisedTwice++;
		years.set(y, row);
	}
	return [...years.values()].sort((a, b) => a.year.localeCompare(b.year));
}

/** A band of revisions by how far they moved the count. */
export interface RatioBand {
	key: string;
	label: string;
	revisions: number;
}

/**
 * The bands of the revision ratio (new count ÷ old count), in order. Revisions away from a
 * placeholder, from a blank or zero, or to a blank, have no meaningful ratio and get bands of
 * their own, so that the bands add up to every revision.
 */
export const RATIO_BANDS: readonly { key: string; label: string; test: (r: CountRevision) => boolean }[] = (() => {
	const ratio = (r: CountRevision) => r.to! / r.from!;
	const numeric = (r: CountRevision) => !r.placeholder && !!r.from && r.to !== null;
	const band = (key: string, label: string, low: number, high: number) => ({
		key,
		label,
		test: (r: CountRevision) => numeric(r) && ratio(r) >= low && ratio(r) < high,
	});
	return [
		{ key: 'placeholder', label: 'From a 500/501 placeholder', test: (r) => r.placeholder },
		{ key: 'from-blank', label: 'From a blank or zero', test: (r) => !r.placeholder && !r.from },
		{ key: 'to-blank', label: 'To a blank', test: (r) => !r.placeholder && !!r.from && r.to === null },
		band('fell-half', 'Fell by half or more', 0, 0.5),
		band('fell', 'Fell by 10% to half', 0.5, 0.9),
		band('fell-little', 'Fell by less than 10%', 0.9, 1),
		band('rose-little', 'Rose by less than 10%', 1, 1.1),
		band('rose', 'Rose by 10% to double', 1.1, 2),
		band('rose-tenfold', 'Rose 2 to 10 times', 2, 10),
		band('rose-more', 'Rose 10 times or more', 10, Infinity),
	];
})();

/** Count revisions per band of RATIO_BANDS, in its order; the bands add up to every revision. */
export function revisionRatioBands(filings: readonly Filing[]): RatioBand[] {
	const counts = RATIO_BANDS.map(() => 0);
	for (const f of filings)
		for (const r of f.revisions) {
			const i = RATIO_BANDS.findIndex((b) => b.test(r));
			counts[i]!++;
		}
	return RATIO_BANDS.map((b, i) => ({ key: b.key, label: b.label, revisions: counts[i]! }));
}

/** A filing whose count began as a placeholder, and when a real count replaced it. */
export interface PlaceholderSpan {
	filing: Filing;
	/** The snapshot of the first export that showed a real count. */
	replaced: string;
	/**
	 * Days from filing to that export: an upper bound, since the count changed at some time
	 * between that export and the one before it.
	 */
	days: number;
}

/**
 * Filings first seen at a placeholder whose count a later export replaced with a real one (not
 * 500, 501 or blank), with the days from filing to that export. A placeholder first seen after a
 * real count is left out: when it was filed is not known.
 */
export function replacedPlaceholders(filings: readonly Filing[]): PlaceholderSpan[] {
	const spans: PlaceholderSpan[] = [];
	for (const filing of filings) {
		if (!isPlaceholder(filing.record.history[0]!.individualsAffected)) continue;
		const real = filing.revisions.find((r) => r.to !== null && !isPlaceholder(r.to));
		if (real)
			spans.push({
				filing,
				replaced: real.snapshot,
				days: dayNumber(real.snapshot) - dayNumber(filing.record.submitted),
			});
	}
	return spans;
}

/** A filing still at a placeholder in the newest export, and how long it has been. */
export interface WaitingPlaceholder {
	filing: Filing;
	/** Days from filing to the newest export, which still showed 500 or 501. */
	days: number;
}

/**
 * The placeholder watch list: every filing that the newest export (`asOf`) still lists at 500 or
 * 501, the longest wait first, then by id. Filings the newest export no longer lists are left
 * out: nothing more will be heard of them. An empty register (no export) has none.
 */
export function waitingPlaceholders(filings: readonly Filing[], asOf: string | undefined): WaitingPlaceholder[] {
	if (asOf === undefined) return [];
	const today = dayNumber(asOf);
	return filings
		.filter((f) => !f.absent && isPlaceholder(f.record.individualsAffected))
		.map((filing) => ({ filing, days: today - dayNumber(filing.record.submitted) }))
		.sort((a, b) => b.days - a.days || a.filing.record.id.localeCompare(b.filing.record.id));
}

/** Bands of a placeholder's lifetime, in days from filing. */
export const LIFETIME_BANDS: readonly { label: string; below: number }[] = [
	{ label: 'Under 3 months', below: 91 },
	{ label: '3 to 6 months', below: 183 },
	{ label: '6 to 12 months', below: 366 },
	{ label: '1 to 2 years', below: 731 },
	{ label: '2 to 5 years', below: 1827 },
	{ label: '5 years or more', below: Infinity },
];

/** How long placeholders lasted, and how long those still standing have lasted so far. */
export interface PlaceholderLifetimes {
	bands: { label: string; replaced: number; waiting: number }[];
	/** Median days from filing to the export that showed the real count. */
	medianReplaced: number | undefined;
	/** Median days from filing to the newest export, of the placeholders still standing. */
	medianWaiting: number | undefined;
	replaced: number;
	waiting: number;
}

/** Placeholder lifetimes in LIFETIME_BANDS: those replaced by a real count, and those still waiting at `asOf`. */
export function placeholderLifetimes(filings: readonly Filing[], asOf: string | undefined): PlaceholderLifetimes {
	const replaced = replacedPlaceholders(filings).map((s) => s.days);
	const waiting = waitingPlaceholders(filings, asOf).map((w) => w.days);
	const band = (days: number) => LIFETIME_BANDS.findIndex((b) => days < b.below);
	return {
		bands: LIFETIME_BANDS.map((b, i) => ({
			label: b.label,
			replaced: replaced.filter((d) => band(d) === i).length,
			waiting: waiting.filter((d) => band(d) === i).length,
		})),
		medianReplaced: median(replaced),
		medianWaiting: median(waiting),
		replaced: replaced.length,
		waiting: waiting.length,
	};
}
