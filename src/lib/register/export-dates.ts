/**
 * When each snapshot was exported, as far as it is known: a day, or the days between which it
 * must have been made (imports.json). Pages, the history and the report all say it the same way.
 */
import { formatPartialDate, partialDate } from '../../schemas/partial-date.ts';
import type { ExportDate, RegisterImport } from '../../schemas/register.ts';

/** The export dates of every imported snapshot, by snapshot. */
export type ExportDates = ReadonlyMap<string, ExportDate>;

/** The export dates from the import log. */
export function exportDates(imports: readonly Pick<RegisterImport, 'snapshot' | 'exported'>[]): ExportDates {
	return new Map(imports.map((i) => [i.snapshot, i.exported]));
}

/** A snapshot's export date; a snapshot the log does not list is taken at its own date. */
export function exportDateOf(snapshot: string, dates: ExportDates): ExportDate {
	const day = snapshotDay(snapshot);
	return dates.get(snapshot) ?? { from: day, to: day };
}

/** The day a snapshot's id begins with: `2022-03-30-b`, a second export of that day, is of 2022-03-30. */
export const snapshotDay = (snapshot: string) => snapshot.slice(0, 10);

/** The start of a snapshot's day in UTC, the date its feed entries carry. */
export const snapshotDate = (snapshot: string) => new Date(`${snapshotDay(snapshot)}T00:00:00Z`);

const day = (iso: string) => formatPartialDate(partialDate(iso));

/** The day a snapshot's id begins with, as a reader sees it: `2022-03-30-b` is of "30 March 2022". */
export const snapshotDayText = (snapshot: string) => day(snapshotDay(snapshot));

/**
 * "on 8 October 2024", "between 2 and 9 April 2025", "between 28 March and 4 April 2022",
 * "between 26 February 2015 and 31 August 2023".
 */
export function formatExportDate({ from, to }: ExportDate): string {
	if (from === to) return `on ${day(from)}`;
	const [a, b] = [day(from), day(to)];
	if (from.slice(0, 7) === to.slice(0, 7)) return `between ${a.split(' ')[0]} and ${b}`;
	if (from.slice(0, 4) === to.slice(0, 4)) return `between ${a.split(' ').slice(0, 2).join(' ')} and ${b}`;
	return `between ${a} and ${b}`;
}

/** Whole days from one YYYY-MM-DD day to another. */
export const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
