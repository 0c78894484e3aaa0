/**
 * The project's own exports (exports/hhs-ocr/): every file is read by one of the readers, and the
 * committed register is exactly what `npm run import:hhs -- --rebuild` makes of them, so a rebuild
 * run twice gives the same bytes. Slow: it reads all 31 exports and replays every snapshot.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORTS_DIR, rebuildRegister } from '../../src/tooling/hhs-import.ts';
import { readExport } from '../../src/lib/register/read-hhs-export.ts';
import { readManifest } from '../../src/lib/register/manifest.ts';

const work = mkdtempSync(join(tmpdir(), 'casebook-rebuild-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const files = (dir: string) => ['filings.json', 'imports.json'].map((f) => readFileSync(join(dir, f), 'utf8'));

describe('the project’s own exports', () => {
	const manifestPath = join(EXPORTS_DIR, 'MANIFEST.csv');
	const manifest = readManifest(manifestPath, readFileSync(manifestPath, 'utf8'));

	it('every file is read by a reader, none refused, none with a problem', () => {
		expect(manifest.problems).toEqual([]);
		const formats = manifest.rows.map((row) => {
			const path = join(EXPORTS_DIR, row.folder, row.file);
			const reading = readExport(path, readFileSync(path), { list: row.list });
			expect(reading.refused).toBeUndefined();
			expect(reading.problems).toEqual([]);
			return `${row.folder}/${row.file}: ${reading.format}`;
		});
		expect(formats.filter((f) => !f.endsWith(': portal'))).toEqual([
			'2014-06-30/breaches.csv: old-portal-2014',
			'2015-02-26/HHSCyberSecurityBreaches.csv: r-ecdat',
			'2022-05-27/breach_report_single.csv: short-titles',
			'2023-03-08-b/breach_report.csv: portal-edited',
			'2023-08-10/breach_report.csv: snake-case',
			'2024-12-03/breach_report.csv: portal-edited',
		]);
	});

	it('the committed register is exactly what a rebuild of exports/hhs-ocr/ makes', { timeout: 300_000 }, () => {
		const dir = join(work, 'committed');
		cpSync('content/register', dir, { recursive: true });
		const before = files(dir);
		const result = rebuildRegister(EXPORTS_DIR, { dir });
		expect(result.refused).toEqual([]);
		expect(result.written).toBe(false);
		expect(files(dir)).toEqual(before);
	});
});
