/** The import's report, as an editor reads it in the terminal and as the pull request's description. */
import type { RegisterImport, RegisterRecord } from '../../schemas/register.ts';
import { median } from '../casebook/stats.ts';
import { daysFrom, exportDateOf, exportDates, formatExportDate } from './export-dates.ts';
import { countRevisions, NO_LONGER_LISTED, PLACEHOLDER_COUNTS, type MergeReport } from './merge.ts';
import type { OldPortalMiss } from './old-format.ts';
import { historyLines } from './text.ts';
import { formatCount } from '../format.ts';

const n = (x: number) => formatCount(x);
const count = (x: number | null) => (x === null ? 'blank' : n(x));
const LIST_NAMES: Record<string, string> = {
	'under-investigation': 'under investigation',
	archive: 'archive',
	single: 'one list of everything',
	'old-format': 'the old portal’s list',
};

/** One line on what a snapshot was: its export date, and whether it was complete. */
export function describeSnapshot(entry: RegisterImport): string {
	const lists = entry.files.filter((f) => !f.refused).map((f) => LIST_NAMES[f.list ?? ''] ?? 'unknown list');
	if (entry.files.every((f) => f.list === 'old-format'))
		return `exported ${formatExportDate(entry.exported)}; the old portal’s list, matched to filings, never merged`;
	return `exported ${formatExportDate(entry.exported)}; ${entry.complete ? 'complete' : 'partial'} (${lists.join(' + ') || 'no list read'})`;
}

/** Formats what merging a snapshot did: the totals, then the largest count revisions. */
export function formatImportReport(report: MergeReport, entry?: RegisterImport, top = 15): string {
	const lines = [
		`Snapshot ${report.snapshot}: ${n(report.rows)} filings read${entry ? `, ${describeSnapshot(entry)}` : ''}`,
		`  added               ${n(report.added.length)}`,
		`  changed             ${n(report.changed.length)} (${n(report.revised.length)} count revisions, ${n(report.revised.filter((r) => r.placeholder).length)} of a 500/501 placeholder)`,
		`  moved to archive    ${n(report.archived.length)}`,
		`  renamed             ${n(report.renamed.length)}`,
		`  no longer listed    ${n(report.absent.length)}${entry && !entry.complete ? ' (a partial snapshot never finds a filing missing)' : ''}`,
		`  back after absence  ${n(report.returned.length)}`,
		`  unchanged           ${n(report.unchanged)}`,
	];
	if (report.revised.length > 0) {
		lines.push(
			'',
			`Largest count revisions${report.revised.length > top ? ` (${top} of ${n(report.revised.length)})` : ''}:`,
		);
		for (const r of report.revised.slice(0, top))
			lines.push(
				`  ${count(r.from).padStart(12)} → ${count(r.to).padEnd(12)} ${r.id}${r.placeholder ? '  (placeholder)' : ''}`,
			);
	}
	if (report.absent.length > 0) {
		lines.push(
			'',
			`No longer listed, kept${report.absent.length > top ? ` (${top} of ${n(report.absent.length)})` : ''}:`,
		);
		for (const id of report.absent.slice(0, top)) lines.push(`  ${id}`);
	}
	return lines.join('\n');
}

/** The register as a whole, for the report. */
export interface RegisterSummary {
	snapshots: number;
	complete: number;
	filings: number;
	/** Points of history over every filing. */
	observations: number;
	countRevisions: number;
	/** Filings whose 500 or 501 placeholder was later replaced by a real count. */
	placeholdersReplaced: number;
	/** Median days from filing a placeholder to the first export that showed the real count, at that export's earliest date. */
	medianPlaceholderDays: number | undefined;
	noLongerListed: number;
}

/** Sums up the register. */
export function summarizeRegister(
	records: readonly RegisterRecord[],
	imports: readonly RegisterImport[],
): RegisterSummary {
	const dates = exportDates(imports);
	const days: number[] = [];
	let revisions = 0;
	for (const record of records) {
		const list = countRevisions(record);
		revisions += list.length;
		const real = list.find((r) => r.placeholder && r.to !== null && !PLACEHOLDER_COUNTS.includes(r.to));
		if (real) days.push(Math.max(0, daysFrom(record.submitted, exportDateOf(real.snapshot, dates).from)));
	}
	return {
		snapshots: imports.length,
		complete: imports.filter((i) => i.complete).length,
		filings: records.length,
		observations: records.reduce((sum, r) => sum + r.history.length, 0),
		countRevisions: revisions,
		placeholdersReplaced: days.length,
		medianPlaceholderDays: median(days),
		noLongerListed: records.filter((r) => r.status === NO_LONGER_LISTED).length,
	};
}

/** A filing's history as its page shows it, one line per point, for the report. */
export function formatHistory(record: RegisterRecord, imports: readonly RegisterImport[]): string {
	const dates = exportDates(imports);
	return [
		`${record.name} (${record.id})`,
		...historyLines(record).map(
			(line) =>
				`  ${line.snapshot.padEnd(13)} exported ${formatExportDate(exportDateOf(line.snapshot, dates)).padEnd(40)} ${line.changes.join('; ') || 'listed again, unchanged'}`,
		),
	].join('\n');
}

/** Formats what a rebuild did: every snapshot in order, the totals, refused files, and the old list's unmatched rows. */
export function formatRebuildReport(result: {
	imports: readonly RegisterImport[];
	records: readonly RegisterRecord[];
	refused: readonly { file: string; reason: string }[];
	unmatched: readonly OldPortalMiss[];
	/** Filings whose history the report shows in full. */
	show?: readonly string[];
}): string {
	const s = summarizeRegister(result.records, result.imports);
	const lines = ['Snapshots, in the order of their export dates:'];
	for (const entry of result.imports) {
		const old =
			entry.matched !== undefined ? `, ${n(entry.matched)} matched to a filing, ${n(entry.unmatched ?? 0)} not` : '';
		lines.push(
			`  ${entry.snapshot.padEnd(13)} ${describeSnapshot(entry)}: ${n(entry.files.reduce((sum, f) => sum + f.rows, 0))} rows${old}; +${n(entry.added)} added, ${n(entry.changed)} changed, ${n(entry.archived)} archived, ${n(entry.absent)} no longer listed`,
		);
	}
	lines.push(
		'',
		`Snapshots            ${n(s.snapshots)} (${n(s.complete)} complete, ${n(s.snapshots - s.complete)} partial)`,
		`Filings              ${n(s.filings)}`,
		`Observations         ${n(s.observations)}`,
		`Count revisions      ${n(s.countRevisions)}`,
		`Placeholders replaced ${n(s.placeholdersReplaced)} (500/501 later replaced by a real count; median ${s.medianPlaceholderDays === undefined ? '–' : n(s.medianPlaceholderDays)} days from filing to the first export showing it)`,
		`No longer listed     ${n(s.noLongerListed)}`,
		`Files refused        ${n(result.refused.length)}`,
	);
	for (const r of result.refused) lines.push(`  ${r.file}: ${r.reason}`);
	if (result.unmatched.length > 0) {
		lines.push('', `The old portal's rows left unmatched (${n(result.unmatched.length)}): never guessed, listed here:`);
		for (const { row, reason } of result.unmatched)
			lines.push(
				`  ${row.file}:${row.line}: ${row.name} (${row.state ?? 'no state'}, ${count(row.individualsAffected)}${row.businessAssociate ? `, business associate ${row.businessAssociate}` : ''}): ${reason}`,
			);
	}
	for (const id of result.show ?? []) {
		const record = result.records.find((r) => r.id === id);
		if (record) lines.push('', formatHistory(record, result.imports));
	}
	return lines.join('\n');
}
