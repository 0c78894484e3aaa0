/**
 * Partial dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, whose precision is kept.
 *
 * A source often gives only a month ("since July 2014"); turning that into the first of the
 * month would claim a precision nobody has. So a partial date is a range of days, and every
 * measure derived from partial dates is a range too.
 */

/** A date known to the year, the month or the day. */
export interface PartialDate {
	/** The date as written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
	value: string;
	precision: 'year' | 'month' | 'day';
	year: number;
	/** 1–12, when known. */
	month?: number;
	/** 1–31, when known. */
	day?: number;
}

export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a partial date; returns an error message instead when the text is not a real date. */
export function parsePartialDate(text: string): PartialDate | string {
	const m = PARTIAL_DATE_PATTERN.exec(text);
	if (!m) return `"${text}" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)`;
	const year = Number(m[1]);
	if (year < 1900 || year > 2100) return `year ${year} is out of range (expected 1900–2100)`;
	if (m[2] === undefined) return { value: text, precision: 'year', year };
	const month = Number(m[2]);
	if (month < 1 || month > 12) return `month ${m[2]} does not exist (expected 01–12)`;
	if (m[3] === undefined) return { value: text, precision: 'month', year, month };
	const day = Number(m[3]);
	const last = daysInMonth(year, month);
	if (day < 1 || day > last) return `${text} does not exist (expected a day from 01 to ${last})`;
	return { value: text, precision: 'day', year, month, day };
}

/** Parses a partial date that is known to be valid (it passed the schema). */
export function partialDate(text: string): PartialDate {
	const parsed = parsePartialDate(text);
	if (typeof parsed === 'string') throw new Error(parsed);
	return parsed;
}

/** The first and last day a partial date can mean, as UTC day numbers since 1970-01-01. */
export function dayRange(d: PartialDate): { first: number; last: number } {
	const firstMonth = d.month ?? 1;
	const lastMonth = d.month ?? 12;
	const first = Date.UTC(d.year, firstMonth - 1, d.day ?? 1) / DAY_MS;
	const last = Date.UTC(d.year, lastMonth - 1, d.day ?? daysInMonth(d.year, lastMonth)) / DAY_MS;
	return { first, last };
}

/** True when `later` cannot be on or after `earlier`, whatever days the partial dates stand for. */
export function isImpossibleOrder(earlier: PartialDate, later: PartialDate): boolean {
	return dayRange(later).last < dayRange(earlier).first;
}

/** The earliest day, as an ISO date string (for sorting and machine-readable output). */
export function earliestIso(d: PartialDate): string {
	return new Date(dayRange(d).first * DAY_MS).toISOString().slice(0, 10);
}

/** A sort key: later dates sort higher; a year sorts as its first day. */
export function sortKey(d: PartialDate): number {
	return dayRange(d).first;
}

/** English month names, January first. */
export const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** A reader-facing rendering that shows exactly the precision that is known: "July 2014". */
export function formatPartialDate(d: PartialDate): string {
	if (d.precision === 'year') return String(d.year);
	const month = MONTHS[d.month! - 1];
	if (d.precision === 'month') return `${month} ${d.year}`;
	return `${d.day} ${month} ${d.year}`;
}

/** A range of whole days between two partial dates; `min === max` when both are exact. */
export interface DayInterval {
	min: number;
	max: number;
}

/** The possible number of days from `from` to `to`, given their precision. */
export function daysBetween(from: PartialDate, to: PartialDate): DayInterval {
	const a = dayRange(from);
	const b = dayRange(to);
	return { min: Math.max(0, b.first - a.last), max: Math.max(0, b.last - a.first) };
}
