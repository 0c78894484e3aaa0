/**
 * `npm run import:hhs -- --rebuild`: every snapshot of an exports folder, in the order of their
 * export dates, on a small exports folder built from the fixtures; and the committed register holds
 * every id the register had before it held its whole history. tests/tools/register-rebuild.test.ts
 * rebuilds the project's own exports.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importSnapshot, ImportError, rebuildRegister } from '../../src/tooling/hhs-import.ts';
import type { RegisterRecord } from '../../src/schemas/register.ts';
import { readRegister } from '../../src/tooling/register-store.ts';
import { nameSlug } from '../../src/lib/register/names.ts';
import { historyLines } from '../../src/lib/register/text.ts';
import { exportDates } from '../../src/lib/register/export-dates.ts';

const FIXTURES = 'tests/fixtures/hhs-ocr';
const work = mkdtempSync(join(tmpdir(), 'casebook-rebuild-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

const MANIFEST_HEADER = 'folder,file,list,rows,min_submission,max_submission,repo,commit,path,commit_date,notes';
const OLD_HEADER =
	'rownames,Number,Name_of_Covered_Entity,State,Business_Associate_Involved,Individuals_Affected,Date_of_Breach,Type_of_Breach,Location_of_Breached_Information,Date_Posted_or_Updated,Summary,breach_start,breach_end,year';

/** An exports folder: the two fixture snapshots, a partial one between them, and the old portal's list. */
function exportsFolder(): string {
	const root = join(work, `exports-${++n}`);
	for (const s of ['2024-10-08', '2026-07-01']) cpSync(join(FIXTURES, s), join(root, s), { recursive: true });
	mkdirSync(join(root, '2025-06-13'));
	writeFileSync(
		join(root, '2025-06-13', 'breach_report.csv'),
		readFileSync(join(FIXTURES, '2026-07-01', 'breach_report.csv'), 'utf8').replace('"192700000"', '"190000000"'),
	);
	mkdirSync(join(root, '2014-06-30'));
	writeFileSync(
		join(root, '2014-06-30', 'breaches.csv'),
		[
			OLD_HEADER,
			'1,0,Boston Medical Center,MA,"Acme Shredding, Inc.",15265,4/1/2014,Unauthorized Access/Disclosure,Network Server,2014-06-30,,2014-04-01,,2014',
			'2,1,Nowhere Clinic,TX,,999,1/2/2013,Theft,Laptop,2014-01-23,,2013-01-02,,2013',
		].join('\n') + '\n',
	);
	writeFileSync(
		join(root, 'MANIFEST.csv'),
		[
			MANIFEST_HEADER,
			'2014-06-30,breaches.csv,old-format,2,,,someone/data,abc,breaches.csv,2023-08-31,',
			'2024-10-08,breach_report.csv,under-investigation,4,,,,,,,',
			'2024-10-08,breach_report_archive.csv,archive,5,,,,,,,',
			'2025-06-13,breach_report.csv,under-investigation,1,2024-07-19,2025-06-13,someone/data,def,breach_report.csv,2025-06-25,',
			'2026-07-01,breach_report.csv,under-investigation,1,,,,,,,',
			'2026-07-01,breach_report_archive.csv,archive,7,,,,,,,',
		].join('\n') + '\n',
	);
	return root;
}
const files = (dir: string) => ['filings.json', 'imports.json'].map((f) => readFileSync(join(dir, f), 'utf8'));

describe('rebuilding the register from an exports folder', () => {
	it('imports every snapshot in the order of their export dates, partial ones as partial', () => {
		const dir = join(work, `register-${++n}`);
		const result = rebuildRegister(exportsFolder(), { dir });
		expect(result.imports.map((i) => [i.snapshot, i.exported, i.complete])).toEqual([
			['2014-06-30', { from: '2014-06-30', to: '2023-08-31' }, false],
			['2024-10-08', { from: '2024-10-08', to: '2024-10-08' }, true],
			['2025-06-13', { from: '2025-06-13', to: '2025-06-25' }, false],
			['2026-07-01', { from: '2026-07-01', to: '2026-07-01' }, true],
		]);
		const { records, imports } = readRegister(dir);
		const change = records.find((r) => r.id === 'change-healthcare-inc-mn-2024-07-19')!;
		expect(change.history.map((o) => [o.snapshot, o.individualsAffected])).toEqual([
			['2024-10-08', 500],
			['2025-06-13', 190_000_000],
			['2026-07-01', 192_700_000],
		]);
		expect(historyLines(change, exportDates(imports)).map((l) => l.exported)).toEqual([
			{ from: '2024-10-08', to: '2024-10-08' },
			{ from: '2025-06-13', to: '2025-06-25' },
			{ from: '2026-07-01', to: '2026-07-01' },
		]);
		// The partial snapshot held only Change Healthcare: nothing else was found missing.
		expect(result.reports.get('2025-06-13')!.absent).toEqual([]);
	});

	it('records the covered entity and the business associate that the old list names, where it is certain, and lists the rest', () => {
		const dir = join(work, `register-${++n}`);
		const result = rebuildRegister(exportsFolder(), { dir });
		const boston = readRegister(dir).records.find((r) => r.id === 'boston-medical-center-ma-2014-04-29')!;
		expect(boston.coveredEntity).toEqual({ name: 'Boston Medical Center', snapshot: '2014-06-30' });
		expect(boston.businessAssociate).toEqual({ name: 'Acme Shredding, Inc.', snapshot: '2014-06-30' });
		expect(boston.firstSeen).toBe('2014-06-30');
		expect(boston.history[0]).toMatchObject({ snapshot: '2014-06-30', individualsAffected: 15265 });
		expect(result.unmatched.map((u) => [u.row.name, u.reason])).toEqual([
			['Nowhere Clinic', 'no filing with this count, state or business associate, and dates'],
		]);
		expect(result.imports[0]).toMatchObject({ matched: 1, unmatched: 1 });
	});

	it('gives byte-identical files when run twice, and writes nothing the second time', () => {
		const root = exportsFolder();
		const dir = join(work, `register-${++n}`);
		rebuildRegister(root, { dir });
		const first = files(dir);
		const again = rebuildRegister(root, { dir });
		expect(again.written).toBe(false);
		expect(files(dir)).toEqual(first);
	});

	it('keeps the ids the register gave before, although a rebuild from an older spelling would name them otherwise', () => {
		const dir = join(work, `register-${++n}`);
		importSnapshot([join(FIXTURES, '2026-07-01')], { dir });
		const before = readRegister(dir).records.map((r) => r.id);
		expect(before).toContain('university-of-utah-health-ut-2020-03-21');
		rebuildRegister(exportsFolder(), { dir });
		const after = readRegister(dir).records;
		expect(after.map((r) => r.id)).toEqual(expect.arrayContaining(before));
		const utah = after.find((r) => r.id === 'university-of-utah-health-ut-2020-03-21')!;
		expect(utah.history[0]).toMatchObject({ snapshot: '2024-10-08', name: 'University of Utah' });
	});

	it('refuses a rebuild that would lose an id, and writes nothing', () => {
		const dir = join(work, `register-${++n}`);
		const extra = join(work, `extra-${++n}`, '2026-07-01');
		cpSync(join(FIXTURES, '2026-07-01'), extra, { recursive: true });
		const archive = join(extra, 'breach_report_archive.csv');
		writeFileSync(
			archive,
			readFileSync(archive, 'utf8') +
				'"Gone Clinic","TX","Healthcare Provider","700","01/05/2026","Theft","Laptop","No",""\n',
		);
		importSnapshot([extra], { dir });
		const before = files(dir);
		expect(() => rebuildRegister(exportsFolder(), { dir })).toThrow(
			/gone-clinic-tx-2026-01-05: an id of the register that the rebuild would lose/,
		);
		expect(files(dir)).toEqual(before);
		expect(readdirSync(dir).sort()).toEqual(['filings.json', 'imports.json']);
	});

	it('a corrupt file anywhere stops the rebuild with every problem, and nothing is written', () => {
		const root = exportsFolder();
		const path = join(root, '2025-06-13', 'breach_report.csv');
		writeFileSync(
			path,
			readFileSync(path, 'utf8').replace('"07/19/2024"', '"07/19/2025"').replace('"MN"', '"Minnesota"'),
		);
		const dir = join(work, `register-${++n}`);
		let error: unknown;
		try {
			rebuildRegister(root, { dir });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ImportError);
		expect((error as ImportError).problems).toEqual([
			expect.stringMatching(/2025-06-13\/breach_report\.csv:2: column 2 \(State\): "Minnesota" is not a US state/),
			expect.stringMatching(
				/2025-06-13\/breach_report\.csv:2: column 5 \(Breach Submission Date\): "07\/19\/2025" is after the export was made \(on or before 2025-06-25/,
			),
		]);
		expect(() => readdirSync(dir)).toThrow();
	});

	it('refuses a snapshot whose manifest dates contradict its folder, and one older than the last import on top', () => {
		const root = exportsFolder();
		writeFileSync(
			join(root, 'MANIFEST.csv'),
			readFileSync(join(root, 'MANIFEST.csv'), 'utf8').replace('2025-06-25', '2025-06-01'),
		);
		expect(() => rebuildRegister(root, { dir: join(work, `register-${++n}`) })).toThrow(
			/2025-06-13: published on 2025-06-01, before the latest submission date in it, 2025-06-13/,
		);
		const dir = join(work, `register-${++n}`);
		importSnapshot([join(FIXTURES, '2026-07-01')], { dir });
		expect(() => importSnapshot([join(exportsFolder(), '2025-06-13')], { dir })).toThrow(
			/2025-06-13: older than the last import, 2026-07-01 .*the register's history would run backwards/,
		);
	});
});

describe('the register’s ids', () => {
	it('the register holds every one of the 7,808 ids it had before its history went back to 2014, each for the same filing', () => {
		const ids = readFileSync('tests/fixtures/register/ids-2026-07-01.txt', 'utf8').trim().split('\n');
		expect(ids).toHaveLength(7808);
		// Read without validating each record (the content check and the build do that): this lane is fast.
		const byId = new Map(
			readFileSync('content/register/filings.json', 'utf8')
				.split('\n')
				.filter((line) => line.startsWith('{'))
				.map((line) => JSON.parse(line.replace(/,$/, '')) as RegisterRecord)
				.map((r) => [r.id, r]),
		);
		const missing = ids.filter((id) => !byId.has(id));
		expect(missing).toEqual([]);
		// An id is the first spelling's slug, the state and the submission date: the filing must still
		// have them (the slug's hyphens aside: a spelling mangled in 2024, `Children?s`, is clean now).
		const fold = (s: string) => s.replace(/-/g, '');
		const other = ids.filter((id) => {
			const r = byId.get(id)!;
			const names = r.history.flatMap((o) => (o.name ? [nameSlug(o.name)] : []));
			const base = id.replace(/(\d{4}-\d{2}-\d{2})-\d+$/, '$1');
			return !names.some(
				(slug) => fold(base) === fold([slug, r.state?.toLowerCase(), r.submitted].filter(Boolean).join('-')),
			);
		});
		expect(other).toEqual([]);
	});
});
