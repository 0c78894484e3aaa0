/**
 * Downloads both lists of the HHS OCR breach portal into a new snapshot folder under
 * exports/hhs-ocr/, with its rows in exports/hhs-ocr/MANIFEST.csv.
 *
 *   npm run fetch:hhs                         # then: npm run import:hhs -- <the folder it prints>
 *   npm run fetch:hhs -- --url http://127.0.0.1:8080/ocr/breach/breach_report.jsf --exports DIR
 *
 * Prints the new folder on stdout (nothing when the portal's lists are unchanged since the last
 * snapshot); progress and errors go to stderr. Exits 1, having written nothing, on any problem.
 * docs/REGISTER.md explains the refresh, by hand and by the scheduled workflow.
 */
import { parseArgs } from 'node:util';
import { fetchSnapshot, FetchError } from '../src/tooling/hhs-fetch.ts';

const { values } = parseArgs({
	options: {
		url: { type: 'string' },
		exports: { type: 'string' },
		timeout: { type: 'string' },
		help: { type: 'boolean', short: 'h' },
	},
});
if (values.help) {
	console.log('Usage: npm run fetch:hhs -- [--url PORTAL_URL] [--exports DIR] [--timeout SECONDS]');
	process.exit(0);
}
const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
if (timeout !== undefined && !(timeout > 0)) {
	console.error(`✗ --timeout ${values.timeout}: not a number of seconds (expected e.g. 120)`);
	process.exit(1);
}
try {
	const result = await fetchSnapshot({
		url: values.url,
		exportsDir: values.exports,
		timeoutMs: timeout === undefined ? undefined : timeout * 1000,
		progress: (line) => console.error(line),
	});
	if (!result.written) {
		console.error(`✓ nothing written: both lists are byte for byte those of ${result.unchangedSince}`);
	} else {
		for (const row of result.rows)
			console.error(
				`  ${row.file}: ${Number(row.rows).toLocaleString('en-US')} filings, ${row.min_submission} to ${row.max_submission}, ${Number(row.bytes_original).toLocaleString('en-US')} bytes, sha256 ${row.sha256_original.slice(0, 12)}…`,
			);
		console.error(`✓ ${result.folder} written, and its rows added to the manifest`);
		console.log(result.folder);
	}
} catch (error) {
	if (!(error instanceof FetchError)) throw error;
	console.error(`✗ fetch failed, nothing written: ${error.message}`);
	process.exit(1);
}
