/**
 * The data behind /timeline/: for each incident, its exposure window and its milestones as
 * ranges of days, so that the chart can draw partial and open-ended dates differently from exact
 * ones. Pure: the SVG component only maps days to pixels.
 */
import type { DateField } from '../../schemas/incident.ts';
import { milestones, type Incident } from './model.ts';
import { dayRange, sortKey } from '../../schemas/partial-date.ts';

/** A date as the range of days it can mean; `exact` when first === last. */
export interface DaySpan {
	first: number;
	last: number;
	exact: boolean;
	label: string;
}

/** How the exposure bar ends. */
export type BarEnd = 'known' | 'at-discovery' | 'open';

/** One row of the timeline. */
export interface TimelineRow {
	incident: Incident;
	/** The exposure window; undefined when its start is unknown. */
	exposure?: { start: DaySpan; end: DaySpan; endKind: BarEnd };
	/** Markers for the milestones after exposure, where known. */
	markers: { field: DateField; label: string; span: DaySpan }[];
}

const MARKER_FIELDS: DateField[] = ['discovered', 'reportedToRegulator', 'individualsNotified', 'publiclyDisclosed'];

function span(d: import('../../schemas/partial-date.ts').PartialDate, label: string): DaySpan {
	const { first, last } = dayRange(d);
	return { first, last, exact: first === last, label };
}

/** The rows of the timeline, ordered by the start of exposure (else the first known date), oldest first. */
export function timelineRows(incidents: readonly Incident[], today: number): TimelineRow[] {
	const rows = incidents.map((incident): TimelineRow => {
		const all = milestones(incident);
		const get = (field: DateField) => all.find((m) => m.field === field)!;
		const start = get('exposureStart');
		const end = get('exposureEnd');
		const discovered = get('discovered');
		let exposure: TimelineRow['exposure'];
		if (start.date) {
			const s = span(start.date, start.label);
			if (end.date) exposure = { start: s, end: span(end.date, end.label), endKind: 'known' };
			else if (discovered.date)
				exposure = { start: s, end: span(discovered.date, discovered.label), endKind: 'at-discovery' };
			else
				exposure = {
					start: s,
					end: { first: today, last: today, exact: false, label: 'end unknown' },
					endKind: 'open',
				};
		}
		const markers = MARKER_FIELDS.flatMap((field) => {
			const m = get(field);
			return m.date ? [{ field, label: m.label, span: span(m.date, m.label) }] : [];
		});
		return { incident, exposure, markers };
	});
	const key = (r: TimelineRow) =>
		r.exposure?.start.first ??
		r.markers[0]?.span.first ??
		(r.incident.disclosed ? sortKey(r.incident.disclosed) : today);
	return rows
		.filter((r) => r.exposure || r.markers.length > 0)
		.sort((a, b) => key(a) - key(b) || a.incident.slug.localeCompare(b.incident.slug));
}

/** The first and last day any row reaches, for the axis. */
export function timelineExtent(rows: readonly TimelineRow[]): { first: number; last: number } | undefined {
	// A loop rather than Math.min(...days): thousands of rows would overflow the argument list.
	let first = Infinity;
	let last = -Infinity;
	for (const r of rows) {
		const spans = r.exposure ? [r.exposure.start, r.exposure.end] : [];
		for (const s of [...spans, ...r.markers.map((m) => m.span)]) {
			first = Math.min(first, s.first);
			last = Math.max(last, s.last);
		}
	}
	return first <= last ? { first, last } : undefined;
}

/** One year of disclosure, with its case studies; `key` is its URL segment. */
export interface DisclosureYear {
	year: number | undefined;
	/** `2024`, or `unknown` for case studies whose disclosure date is not known. */
	key: string;
	incidents: Incident[];
}

/**
 * Incidents grouped by a number of their disclosure date (year or month), in order of that number
 * (`newestFirst`: descending), with the incidents that lack it last; `key` is the URL segment.
 */
function groupByDisclosed(
	incidents: readonly Incident[],
	pick: (d: NonNullable<Incident['disclosed']>) => number | undefined,
	key: (n: number) => string,
	newestFirst: boolean,
): { n: number | undefined; key: string; incidents: Incident[] }[] {
	const groups = new Map<number | undefined, Incident[]>();
	for (const i of incidents) {
		const n = i.disclosed ? pick(i.disclosed) : undefined;
		const list = groups.get(n);
		if (list) list.push(i);
		else groups.set(n, [i]);
	}
	return [...groups.entries()]
		.sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : newestFirst ? b - a : a - b))
		.map(([n, list]) => ({ n, key: n === undefined ? 'unknown' : key(n), incidents: list }));
}

/** Incidents grouped by year of disclosure, newest year first; unknown years last. */
export function groupByDisclosureYear(incidents: readonly Incident[]): DisclosureYear[] {
	return groupByDisclosed(incidents, (d) => d.year, String, true).map(({ n, ...g }) => ({ year: n, ...g }));
}

/** One month of disclosure within a year, with its case studies; `key` is its URL segment. */
export interface DisclosureMonth {
	/** 1–12; undefined for case studies whose date of disclosure gives the year alone. */
	month: number | undefined;
	/** `03`, or `unknown`. */
	key: string;
	incidents: Incident[];
}

/** Incidents of one year grouped by month of disclosure, January first; an unknown month last. */
export function groupByDisclosureMonth(incidents: readonly Incident[]): DisclosureMonth[] {
	const twoDigits = (m: number) => String(m).padStart(2, '0');
	return groupByDisclosed(incidents, (d) => d.month, twoDigits, false).map(({ n, ...g }) => ({ month: n, ...g }));
}

const MONTHS = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });

/** `March`, or `Month unknown`. */
export const monthName = (month: number | undefined) =>
	month === undefined ? 'Month unknown' : MONTHS.format(Date.UTC(2000, month - 1, 1));

/**
 * Up to this many case studies, /timeline/ draws all of them on one page. Beyond it the page
 * lists the years and each year's page draws its own: at 10,000 case studies a single timeline
 * page was 20.8 MB of HTML (docs/BENCHMARKS.md). A year with more than this many is drawn a
 * month at a time in the same way: at 10,000 case studies a year's page reached 2.5 MB.
 */
export const TIMELINE_PAGE_LIMIT = 300;

/** Whether /timeline/ can show every case study itself. */
export const timelineFitsOnePage = (incidents: readonly unknown[]) => incidents.length <= TIMELINE_PAGE_LIMIT;
