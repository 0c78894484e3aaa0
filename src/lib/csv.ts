/**
 * The site's CSV downloads, all written by one rule: each file is a list of columns, and each
 * column says what it holds (the data dictionary on /data/) and how an item gives its value.
 */
import { stringify } from 'csv-stringify/sync';
import type { DataColumn } from './open-data.ts';
import type { SiteRoot } from './urls.ts';

/**
 * A CSV file: the header `columns`, then one line per row; RFC 4180 with CRLF line ends, UTF-8
 * with a byte-order mark: without it Excel reads the file as Windows-1252 and garbles every accent,
 * curly quote and dash; pandas, R and csv-parse (`bom: true`) skip it.
 */
export function csvFile(columns: readonly string[], rows: readonly (readonly string[])[]): string {
	return `\uFEFF${stringify([columns, ...rows], { record_delimiter: 'windows', quoted_match: /[",\r\n]/ })}`;
}

/** One column of a CSV file of `T`s: its name, what it holds (the data dictionary on /data/), and its value. */
export interface CsvColumn<T> {
	name: string;
	description: string;
	value: (item: T, site: SiteRoot) => string;
}

/** A CSV file of `columns`, one row per item (`csvFile`: with the byte-order mark Excel needs). */
export function csvText<T>(items: readonly T[], columns: readonly CsvColumn<T>[], site: SiteRoot): string {
	return csvFile(
		columns.map((c) => c.name),
		items.map((item) => columns.map((c) => c.value(item, site))),
	);
}

/** One item's row, by column name. */
export function csvRowOf<T>(item: T, columns: readonly CsvColumn<T>[], site: SiteRoot): Record<string, string> {
	return Object.fromEntries(columns.map((c) => [c.name, c.value(item, site)]));
}

/** The data dictionary of a CSV file: its columns in order, each with what it holds. */
export const dataDictionary = (columns: readonly CsvColumn<never>[]): DataColumn[] =>
	columns.map(({ name, description }) => ({ name, description }));

/** "Yes" or "No", as the HHS portal writes a yes-or-no field. */
export const yesNo = (yes: boolean) => (yes ? 'Yes' : 'No');
