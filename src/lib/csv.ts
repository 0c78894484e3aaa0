/** The site's CSV downloads, all written by one rule. */
import { stringify } from 'csv-stringify/sync';

/**
 * A CSV file: the header `columns`, then one line per row; RFC 4180 with CRLF line ends, UTF-8
 * with a byte-order mark: without it Excel reads the file as Windows-1252 and garbles every accent,
 * curly quote and dash; pandas, R and csv-parse (`bom: true`) skip it.
 */
export function csvFile(columns: readonly string[], rows: readonly (readonly string[])[]): string {
	return `\uFEFF${stringify([columns, ...rows], { record_delimiter: 'windows', quoted_match: /[",\r\n]/ })}`;
}
