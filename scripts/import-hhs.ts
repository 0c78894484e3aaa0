/**
 * Imports one snapshot of the HHS OCR breach portal into content/register/.
 *
 *   npm run import:hhs -- ../shared/data/hhs-ocr/2026-07-01
 *   npm run import:hhs -- --date 2026-07-01 breach_report.csv breach_report_archive.csv
 *
 * docs/REGISTER.md explains the ids, the history and how to refresh the register.
 */
import { parseArgs } from 'node:util';
import { importSnapshot, ImportError } from '../src/tooling/hhs-import.ts';
import { registerDir } from '../src/tooling/content-dir.ts';
import { formatImportReport } from '../src/lib/register/report.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
	console.log(
		'Usage: npm run import:hhs -- [--date YYYY-MM-DD] <snapshot folder | breach_report.csv breach_report_archive.csv>',
	);
	process.exit(0);
}
const started = performance.now();
try {
	const result = importSnapshot(positionals, {
		dir: registerDir(),
		date: values.date,
		progress: (line) => console.error(line),
	});
	for (const note of result.notes) console.error(`note: ${note}`);
	console.log(formatImportReport(result.report));
	console.log(
		result.written
			? `✓ ${registerDir()} updated in ${((performance.now() - started) / 1000).toFixed(1)} s`
			: `✓ nothing changed: ${registerDir()} already holds this snapshot`,
	);
} catch (error) {
	if (!(error instanceof ImportError)) throw error;
	for (const problem of error.problems) console.error(problem);
	console.error(
		`\n✗ import failed: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; the register is unchanged`,
	);
	process.exit(1);
}
