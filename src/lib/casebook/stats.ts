/**
 * Aggregate figures over the casebook, for the home page and /stats/. Pure functions of the model.
 */
import type { Incident } from './model.ts';
import { totalAffected } from './model.ts';
import type { DayInterval } from '../../schemas/partial-date.ts';
import type { FacetGroup } from '../group-by-facet.ts';

/** The median of a list of numbers; undefined for an empty list. */
export function median(values: readonly number[]): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The midpoint of a day interval: the figure used for medians of partial-date measures. */
export const midpoint = (d: DayInterval) => (d.min + d.max) / 2;

/** The few figures the home page leads with. */
export function headlineFigures(incidents: readonly Incident[]) {
	const { total, unknown } = totalAffected(incidents);
	const notices = incidents.filter((i) => i.measures.notification !== 'unknown');
	const late = notices.filter((i) => i.measures.notification === 'late').length;
	const exposures = incidents.flatMap((i) => (i.measures.exposure ? [midpoint(i.measures.exposure.days)] : []));
	return {
		caseStudies: incidents.length,
		individualsAffected: total,
		unknownCounts: unknown,
		lateNotices: late,
		knownNotices: notices.length,
		medianExposureDays: median(exposures),
	};
}

/** Case studies and known individuals affected, per value of a grouping. */
export interface GroupTotal {
	slug: string;
	label: string;
	caseStudies: number;
	individualsAffected: number;
	/** Case studies in the group whose count is unknown. */
	unknownCounts: number;
}

/** Totals per facet value, in the facet's order. */
export function totalsByFacet(groups: readonly FacetGroup<Incident>[]): GroupTotal[] {
	return groups.map(({ value, items: incidents }) => {
		const { total, unknown } = totalAffected(incidents);
		return {
			slug: value.slug,
			label: value.label,
			caseStudies: incidents.length,
			individualsAffected: total,
			unknownCounts: unknown,
		};
	});
}

/** Median, shortest and longest of a measure across the casebook, over the midpoints of its ranges. */
export interface MeasureSummary {
	/** How many case studies the measure is known for. */
	known: number;
	median?: number;
	min?: number;
	max?: number;
}

/** Summarises one measure over the case studies where it is known. */
export function summariseMeasure(
	incidents: readonly Incident[],
	pick: (i: Incident) => DayInterval | undefined,
): MeasureSummary {
	const values = incidents.flatMap((i) => {
		const d = pick(i);
		return d ? [midpoint(d)] : [];
	});
	return {
		known: values.length,
		median: median(values),
		min: values.length ? Math.min(...values) : undefined,
		max: values.length ? Math.max(...values) : undefined,
	};
}

/** How many notices were late, on time, possibly late, and unknown. */
export function notificationShares(incidents: readonly Incident[]) {
	const counts = { late: 0, 'on-time': 0, 'possibly-late': 0, unknown: 0 };
	for (const i of incidents) counts[i.measures.notification]++;
	const known = counts.late + counts['on-time'] + counts['possibly-late'];
	return { ...counts, known, lateShare: known ? counts.late / known : undefined };
}
