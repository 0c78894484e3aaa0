/**
 * Imports snapshots of the HHS OCR breach portal into content/register/.
 *
 *   npm run import:hhs -- --rebuild                 # every snapshot in exports/hhs-ocr/, in order
 *   npm run import:hhs -- --rebuild other/exports   # or in another exports folder
 *   npm run import:hhs -- exports/hhs-ocr/2027-01-15   # one new snapshot on top
 *   npm run import:hhs -- --date 2027-01-15 breach_report.csv breach_report_archive.csv
 *
 * docs/REGISTER.md explains the snapshots, the ids, the history and the report.
 */
import { parseArgs } from 'node:util';
import { EXPORTS_DIR, importSnapshot, ImportError, rebuildRegister } from '../src/tooling/hhs-import.ts';
import { registerDir } from '../src/tooling/content-dir.ts';
import { formatImportReport, formatRebuildReport } from '../src/lib/register/report.ts';

/** Filings whose history a rebuild's report shows in full: the two the register's history was first wanted for. */
const SHOWN = [
	'change-healthcare-inc-mn-2024-07-19',
	'community-health-systems-professional-services-corporations-tn-2014-08-21',
	'community-health-systems-professional-services-corporation-tn-2014-08-20',
];

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		date: { type: 'string' },
		rebuild: { type: 'boolean' },
		help: { type: 'boolean', short: 'h' },
	},
});
if (values.help) {
	console.log(
		[
			'Usage: npm run import:hhs -- --rebuild [exports folder]   (default ' + EXPORTS_DIR + ')',
			'       npm run import:hhs -- [--date YYYY-MM-DD] <snapshot folder | its CSV files>',
		].join('\n'),
	);
	process.exit(0);
}
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const progress = (line: string) => console.error(line);
try {
	if (values.rebuild) {
		if (positionals.length > 1) throw new ImportError(['--rebuild takes one exports folder']);
		const result = rebuildRegister(positionals[0] ?? EXPORTS_DIR, { dir: registerDir(), progress });
		for (const note of result.notes) console.error(`note: ${note}`);
		console.log(formatRebuildReport({ ...result, show: SHOWN }));
		console.log(
			result.written
				? `✓ ${registerDir()} rebuilt in ${seconds()} s`
				: `✓ nothing changed: ${registerDir()} already is this rebuild, byte for byte (${seconds()} s)`,
		);
	} else {
		const result = importSnapshot(positionals, { dir: registerDir(), date: values.date, progress });
		for (const note of result.notes) console.error(`note: ${note}`);
		for (const r of result.refused) console.error(`refused: ${r.file}: ${r.reason}`);
		if (result.report) console.log(formatImportReport(result.report));
		console.log(
			result.written
				? `✓ ${registerDir()} updated in ${seconds()} s`
				: `✓ nothing changed: ${registerDir()} already holds this snapshot`,
		);
	}
} catch (error) {
	if (!(error instanceof ImportError)) throw error;
	for (const problem of error.problems) console.error(problem);
	console.error(
		`\n✗ import failed: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; the register is unchanged`,
	);
	process.exit(1);
}
