/** The import's report, as an editor reads it in the terminal. */
import type { MergeReport } from './merge.ts';
import { formatCount } from '../format.ts';

const n = (x: number) => formatCount(x);
const count = (x: number | null) => (x === null ? 'blank' : n(x));

/** Formats what merging a snapshot did: the totals, then the largest count revisions. */
export function formatImportReport(report: MergeReport, top = 15): string {
	const lines = [
		`Snapshot ${report.snapshot}: ${n(report.rows)} filings read`,
		`  added               ${n(report.added.length)}`,
		`  changed             ${n(report.changed.length)} (${n(report.revised.length)} count revisions, ${n(report.revised.filter((r) => r.placeholder).length)} of a 500/501 placeholder)`,
		`  moved to archive    ${n(report.archived.length)}`,
		`  renamed             ${n(report.renamed.length)}`,
		`  absent (kept)       ${n(report.absent.length)}`,
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
			`Absent from this snapshot, kept${report.absent.length > top ? ` (${top} of ${n(report.absent.length)})` : ''}:`,
		);
		for (const id of report.absent.slice(0, top)) lines.push(`  ${id}`);
	}
	return lines.join('\n');
}
