/**
 * The register importer, on fixtures cut line for line from the portal's real exports
 * (tests/fixtures/hhs-ocr/: two snapshots, 2024-10-08 and 2026-07-01, as ../shared/data has them).
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importSnapshot, ImportError } from '../../src/tooling/hhs-import.ts';
import { readRegister } from '../../src/tooling/register-store.ts';
import { countRevisions } from '../../src/lib/register/merge.ts';
import { cleanName, nameSlug } from '../../src/lib/register/names.ts';

const FIXTURES = 'tests/fixtures/hhs-ocr';
const work = mkdtempSync(join(tmpdir(), 'casebook-register-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** A fresh register folder, with the given snapshots imported in order. */
function registerWith(...snapshots: string[]) {
	const dir = join(work, `register-${++n}`);
	const results = snapshots.map((s) => importSnapshot([join(FIXTURES, s)], { dir }));
	return { dir, results, records: () => readRegister(dir).records };
}
const byName = (records: ReturnType<typeof readRegister>['records'], part: string) =>
	records.filter((r) => r.name.includes(part));
/** A copy of a fixture snapshot with one line of one file replaced, for the bad-input cases. */
function brokenSnapshot(file: string, line: number, replace: (text: string) => string) {
	const dir = join(work, `bad-${++n}`, '2026-07-01');
	cpSync(join(FIXTURES, '2026-07-01'), dir, { recursive: true });
	const path = join(dir, file);
	const lines = readFileSync(path, 'utf8').split('\n');
	lines[line - 1] = replace(lines[line - 1]!);
	writeFileSync(path, lines.join('\n'));
	return dir;
}

describe('importing the portal’s exports', () => {
	it('reads a header whose columns are named after the portal’s framework (javax.faces…)', () => {
		const { records } = registerWith('2024-10-08', '2026-07-01');
		const change = byName(records(), 'Change Healthcare')[0]!;
		expect(change.individualsAffected).toBe(192_700_000);
		expect(change.status).toBe('under-investigation');
	});

	it('reads a file that is not UTF-8, says so, and repairs the mangled apostrophe', () => {
		const { results, records } = registerWith('2024-10-08');
		expect(results[0]!.notes.join()).toMatch(
			/breach_report_archive\.csv: not valid UTF-8 \(first bad byte on line 2\)/,
		);
		expect(byName(records(), 'Surgical Foundation')[0]!.name).toBe('Lurie Children’s Surgical Foundation');
		expect(byName(records(), 'Postal Prescription')[0]!.name).toBe(
			'Healthy Options dba Postal Prescription Services – Kroger',
		);
	});

	it('matches a filing across snapshots despite trailing spaces, mangled characters and a new spelling', () => {
		const { records, results } = registerWith('2024-10-08', '2026-07-01');
		const all = records();
		expect(all).toHaveLength(9);
		expect(results[1]!.report!.added).toEqual([]);
		const utah = byName(all, 'University of Utah')[0]!;
		expect(utah.id).toBe('university-of-utah-ut-2020-03-21');
		expect(utah.name).toBe('University of Utah Health');
		expect(results[1]!.report!.renamed).toEqual([
			{ id: utah.id, from: 'University of Utah', to: 'University of Utah Health' },
		]);
	});

	it('gives same-day filings of one entity distinct ids that do not depend on row order', () => {
		const { records } = registerWith('2024-10-08', '2026-07-01');
		const kroger = byName(records(), 'Kroger Co.').map((r) => [r.id, r.individualsAffected]);
		// 2026 lists the two rows in the opposite order to 2024: each keeps its id and its count.
		expect(kroger).toEqual([
			['the-kroger-co-for-itself-and-its-affiliates-and-subsidiaries-oh-2019-10-25', 2752],
			['the-kroger-co-for-itself-and-its-affiliates-and-subsidiaries-oh-2019-10-25-2', 4812],
		]);
		const reversed = join(work, 'reversed', '2024-10-08');
		cpSync(join(FIXTURES, '2024-10-08'), reversed, { recursive: true });
		for (const name of readdirSync(reversed)) {
			const [header, ...rows] = readFileSync(join(reversed, name), 'latin1').trimEnd().split('\n');
			writeFileSync(join(reversed, name), [header, ...rows.reverse()].join('\n') + '\n', 'latin1');
		}
		const a = registerWith('2024-10-08');
		const b = join(work, 'reversed-register');
		importSnapshot([reversed], { dir: b });
		expect(readFileSync(join(b, 'filings.json'), 'utf8')).toBe(readFileSync(join(a.dir, 'filings.json'), 'utf8'));
	});

	it('keeps a placeholder count in the history and marks its revision', () => {
		const { records, results } = registerWith('2024-10-08', '2026-07-01');
		const change = byName(records(), 'Change Healthcare')[0]!;
		expect(change.history.map((o) => [o.snapshot, o.individualsAffected])).toEqual([
			['2024-10-08', 500],
			['2026-07-01', 192_700_000],
		]);
		expect(countRevisions(change)).toEqual([
			expect.objectContaining({ from: 500, to: 192_700_000, placeholder: true }),
		]);
		const welltok = byName(records(), 'Welltok')[0]!;
		expect(countRevisions(welltok)).toEqual([
			expect.objectContaining({ from: 14_762_475, to: 14_782_887, placeholder: false }),
		]);
		// The report lists the largest revision first.
		expect(results[1]!.report!.revised.map((r) => r.id)).toEqual([change.id, welltok.id]);
	});

	it('records a move from “under investigation” to the archive', () => {
		const { records, results } = registerWith('2024-10-08', '2026-07-01');
		const lurie = records().find((r) => r.id === 'ann-and-robert-h-lurie-childrens-hospital-of-chicago-il-2024-06-27')!;
		expect(lurie.status).toBe('archived');
		expect(lurie.history.at(-1)).toEqual({ snapshot: '2026-07-01', status: 'archived' });
		expect(results[1]!.report!.archived).toContain(lurie.id);
	});

	it('keeps a filing that a later complete export no longer lists, as no longer listed, with the day it was last seen', () => {
		const { records, results } = registerWith('2024-10-08', '2026-07-01');
		const boston = records().find((r) => r.id === 'boston-medical-center-ma-2014-04-29')!;
		expect(boston.entityType).toBeNull();
		expect(boston.lastSeen).toBe('2024-10-08');
		expect(boston.status).toBe('no-longer-listed');
		expect(boston.history.at(-1)).toEqual({ snapshot: '2026-07-01', absent: true, status: 'no-longer-listed' });
		expect(results[1]!.report!.absent).toEqual([boston.id]);
	});

	it('a partial snapshot (one list) records what it shows and never finds a filing missing', () => {
		const partial = join(work, 'partial', '2026-07-01');
		cpSync(join(FIXTURES, '2026-07-01', 'breach_report.csv'), join(partial, 'breach_report.csv'), { recursive: true });
		const { dir } = registerWith('2024-10-08');
		const result = importSnapshot([partial], { dir });
		expect(result.complete).toBe(false);
		expect(result.report!.absent).toEqual([]);
		const all = readRegister(dir).records;
		expect(all.filter((r) => r.status === 'no-longer-listed')).toEqual([]);
		expect(byName(all, 'Change Healthcare')[0]!.individualsAffected).toBe(192_700_000);
		expect(readRegister(dir).imports.at(-1)).toMatchObject({ snapshot: '2026-07-01', complete: false });
	});

	it('skips, with a note, a snapshot imported already, and a file imported already under another snapshot', () => {
		const { dir } = registerWith('2024-10-08', '2026-07-01');
		const before = ['filings.json', 'imports.json'].map((f) => readFileSync(join(dir, f)));
		const again = importSnapshot([join(FIXTURES, '2026-07-01')], { dir });
		expect(again.written).toBe(false);
		expect(again.notes).toEqual(['2026-07-01: already imported from these files; skipped']);
		expect(['filings.json', 'imports.json'].map((f) => readFileSync(join(dir, f)))).toEqual(before);
		const copy = join(work, 'copy', '2026-08-01');
		cpSync(join(FIXTURES, '2026-07-01'), copy, { recursive: true });
		const same = importSnapshot([copy], { dir });
		expect(same.notes.join('\n')).toMatch(/breach_report\.csv: the same file as snapshot 2026-07-01 imported; skipped/);
		expect(same.written).toBe(false);
	});

	it('refuses a snapshot older than the last one imported, and other exports under a date already imported', () => {
		const { dir } = registerWith('2026-07-01');
		expect(() => importSnapshot([join(FIXTURES, '2024-10-08')], { dir })).toThrow(
			/2024-10-08: older than the last import, 2026-07-01/,
		);
		expect(() => importSnapshot([join(FIXTURES, '2024-10-08')], { dir, date: '2026-07-01' })).toThrow(
			/2026-07-01: already imported from other files/,
		);
	});
});

describe('bad input: a clear error, and the register untouched', () => {
	const cases: [string, string, number, (l: string) => string, RegExp][] = [
		[
			'a wrong column count',
			'breach_report.csv',
			2,
			(l) => l.replace(',"Yes",""', ',"Yes"'),
			/breach_report\.csv:2: row: has 8 columns \(expected 9: Name of Covered Entity, State/,
		],
		[
			'an unparseable date',
			'breach_report_archive.csv',
			3,
			(l) => l.replace('03/15/2023', '2023-03-15'),
			/breach_report_archive\.csv:3: column 5 \(Breach Submission Date\): "2023-03-15" is not a date as this file writes them \(expected MM\/DD\/YYYY/,
		],
		[
			'an impossible date',
			'breach_report_archive.csv',
			3,
			(l) => l.replace('03/15/2023', '02/30/2023'),
			/breach_report_archive\.csv:3: column 5 \(Breach Submission Date\): "02\/30\/2023" is not a date/,
		],
		[
			'a negative count',
			'breach_report_archive.csv',
			4,
			(l) => l.replace('"14782887"', '"-14782887"'),
			/breach_report_archive\.csv:4: column 4 \(Individuals Affected\): -14782887 is negative \(expected 0 or more/,
		],
		[
			'a count that is not a number',
			'breach_report.csv',
			2,
			(l) => l.replace('"192700000"', '"about 190 million"'),
			/breach_report\.csv:2: column 4 \(Individuals Affected\): "about 190 million" is not a whole number/,
		],
		[
			'an empty name',
			'breach_report_archive.csv',
			5,
			(l) => l.replace('"Lurie Children’s Surgical Foundation"', '"  "'),
			/breach_report_archive\.csv:5: column 1 \(Name of Covered Entity\): is empty \(expected the name/,
		],
		[
			'an unknown breach type',
			'breach_report_archive.csv',
			2,
			(l) => l.replace('"Hacking/IT Incident"', '"Hacking"'),
			/column 6 \(Type of Breach\): "Hacking" is not a breach type of the portal \(expected one of: Hacking\/IT Incident/,
		],
	];
	for (const [what, file, line, replace, message] of cases) {
		it(`${what}: names the file, the line and the column`, () => {
			const { dir } = registerWith('2024-10-08');
			const before = readFileSync(join(dir, 'filings.json'));
			const bad = brokenSnapshot(file, line, replace);
			let error: unknown;
			try {
				importSnapshot([bad], { dir });
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(ImportError);
			expect((error as ImportError).problems.join('\n')).toMatch(message);
			expect(readFileSync(join(dir, 'filings.json'))).toEqual(before);
			expect(readdirSync(dir).sort()).toEqual(['filings.json', 'imports.json']);
		});
	}

	it('a file no reader accepts is refused with its name and reason, and the rest is imported as partial', () => {
		const dir = join(work, 'other');
		const bad = brokenSnapshot('breach_report_archive.csv', 1, (l) => l.replace('"State"', '"Province"'));
		writeFileSync(join(bad, 'export.csv'), 'a,b\n');
		const result = importSnapshot([bad], { dir });
		expect(result.refused.map((r) => [r.file.replace(/^.*\//, ''), r.reason])).toEqual([
			['breach_report_archive.csv', expect.stringMatching(/column 2 is "Province" \(expected "State"\)/)],
			['export.csv', expect.stringMatching(/no reader accepts its header/)],
		]);
		expect(result.complete).toBe(false);
		expect(readRegister(dir).imports[0]!.files.map((f) => [f.name, f.refused === undefined])).toEqual([
			['breach_report.csv', true],
			['breach_report_archive.csv', false],
			['export.csv', false],
		]);
		expect(() =>
			importSnapshot(
				[join(FIXTURES, '2026-07-01', 'breach_report.csv'), join(FIXTURES, '2026-07-01', 'breach_report_archive.csv')],
				{ dir: join(work, 'dated'), date: 'July 2026' },
			),
		).toThrow(/--date July 2026: not a date/);
	});
});

describe('names', () => {
	it('cleans the portal’s mangled quotes and dashes, and makes readable ids', () => {
		expect(cleanName('Harrisburg Medical Center (â€™???HMCâ€™???Â\x9d)')).toBe('Harrisburg Medical Center (“HMC”)');
		expect(cleanName('The Childrenâ€™???s Home of Wyoming Conference')).toBe(
			'The Children’s Home of Wyoming Conference',
		);
		expect(cleanName('Northwest Health â€™??? La Porte')).toBe('Northwest Health – La Porte');
		expect(cleanName('  The Kroger Co.  ')).toBe('The Kroger Co.');
		// The Nu HTML checker rejects control characters in a page: U+2019 cut to one byte, and any other.
		expect(cleanName('Cincinnati Children\u0019s Hospital\u0007')).toBe('Cincinnati Children’s Hospital');
		expect(nameSlug('Children’s Hospital & Clinics, Inc.')).toBe('childrens-hospital-and-clinics-inc');
		expect(nameSlug('Childrenƒ??s Hospital')).toBe('childrens-hospital');
		expect(nameSlug('A'.repeat(30) + ' ' + 'B'.repeat(40)).length).toBeLessThanOrEqual(60);
	});
});
