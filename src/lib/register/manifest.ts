/**
 * `exports/hhs-ocr/MANIFEST.csv`: one row per export file, saying where it came from, which list
 * it holds, and what bounds its export date: it was made on or after the latest submission date in
 * it (the folder's name) and on or before `commit_date`, the day it was published or downloaded.
 */
import { parse } from 'csv-parse/sync';
import type { ExportDate } from '../../schemas/register.ts';
import type { ExportList } from './read-hhs-export.ts';

/** The manifest's columns that the importer reads; the others are provenance, for people. */
export const MANIFEST_COLUMNS = ['folder', 'file', 'list', 'max_submission', 'commit_date'] as const;

/** One row of the manifest. */
export interface ManifestRow {
	folder: string;
	file: string;
	list: ExportList;
	/** The latest submission date in the file, YYYY-MM-DD, where given. */
	maxSubmission?: string;
	/** The day the file was published (a commit) or downloaded, YYYY-MM-DD, where given. */
	publishedBy?: string;
	line: number;
}

const LISTS: Record<string, ExportList> = {
	'under-investigation': 'under-investigation',
	archive: 'archive',
	single: 'single',
	'old-format': 'old-format',
};

/** A day from a cell that holds a date or a timestamp (`2026-12-06` or `2026-12-06T09:30:00Z`). */
const dayOf = (cell: string | undefined) => /^\d{4}-\d{2}-\d{2}/.exec(cell?.trim() ?? '')?.[0];

/** Reads the manifest; every problem names the line and the column. */
export function readManifest(name: string, text: string): { rows: ManifestRow[]; problems: string[] } {
	const problems: string[] = [];
	let records: Record<string, string>[];
	try {
		records = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
	} catch (error) {
		return { rows: [], problems: [`${name}: is not valid CSV: ${(error as Error).message}`] };
	}
	const header = Object.keys(records[0] ?? {});
	const missing = MANIFEST_COLUMNS.filter((c) => records.length > 0 && !header.includes(c));
	if (missing.length > 0) return { rows: [], problems: [`${name}:1: header: missing ${missing.join(', ')}`] };
	const rows: ManifestRow[] = [];
	records.forEach((r, i) => {
		const line = i + 2;
		const list = LISTS[r.list?.trim() ?? ''];
		if (!list)
			problems.push(
				`${name}:${line}: list: ${JSON.stringify(r.list)} is not a list (expected one of: ${Object.keys(LISTS).join(', ')})`,
			);
		for (const column of ['max_submission', 'commit_date'] as const)
			if (r[column]?.trim() && !dayOf(r[column]))
				problems.push(`${name}:${line}: ${column}: ${JSON.stringify(r[column])} is not a date (expected YYYY-MM-DD)`);
		if (!list) return;
		rows.push({
			folder: r.folder!.trim(),
			file: r.file!.trim(),
			list,
			maxSubmission: dayOf(r.max_submission),
			publishedBy: dayOf(r.commit_date),
			line,
		});
	});
	return { rows, problems };
}

/**
 * A snapshot's export date from its folder's name and its manifest rows: on or after the folder's
 * date, on or before the latest publication date of its files. Where no row gives a publication
 * date, or it is the folder's own date, the folder's date is the export's own (as for exports the
 * casebook downloaded itself). Returns what is wrong instead where the bounds contradict each other.
 */
export function exportDateOf(folder: string, rows: readonly ManifestRow[]): ExportDate | string {
	const from = folder.slice(0, 10);
	const published = rows.flatMap((r) => (r.publishedBy ? [r.publishedBy] : [])).sort();
	const to = published.at(-1) ?? from;
	if (to < from)
		return `${folder}: published on ${to}, before the latest submission date in it, ${from} (expected a commit_date on or after the folder's date in MANIFEST.csv)`;
	const later = rows.find((r) => r.maxSubmission && r.maxSubmission > from);
	if (later)
		return `${folder}: ${later.file} holds a submission date of ${later.maxSubmission}, after the folder's date (expected a folder named by the latest submission date in it)`;
	return { from, to };
}

/** Orders snapshots by what is known of their export dates: the earliest possible day, then the latest, then the id. */
export function byExportDate(
	a: { snapshot: string; exported: ExportDate },
	b: { snapshot: string; exported: ExportDate },
): number {
	return (
		a.exported.from.localeCompare(b.exported.from) ||
		a.exported.to.localeCompare(b.exported.to) ||
		a.snapshot.localeCompare(b.snapshot)
	);
}
