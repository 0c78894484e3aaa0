/**
 * The export readers, on synthetic files: each format the public exports show, and variants that
 * no file at hand shows (a time column, a BOM on another format, day-first dates with no evidence).
 * Nothing may be misread silently: a file is read, refused with a reason, or fails with its problems.
 */
import { describe, expect, it } from 'vitest';
import { dateOrder, parseExportDate, readExport, type ReadOptions } from './read-hhs-export.ts';
import { detectFormat, EXPORT_FORMATS } from './export-formats.ts';

const PORTAL_HEADER =
	'Name of Covered Entity,State,Covered Entity Type,Individuals Affected,Breach Submission Date,Type of Breach,Location of Breached Information,Business Associate Present,Web Description';
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string, list: ReadOptions['list'] = 'archive', exportedBy?: string) =>
	readExport('test.csv', bytes(text), { list, exportedBy });

describe('the readers, one per format', () => {
	const cases: [string, string, string][] = [
		['portal', PORTAL_HEADER, 'Acme Clinic,TX,Healthcare Provider,1200,07/19/2024,Theft,"Laptop, Paper/Films",No,'],
		[
			'portal',
			'"javax.faces.component.UIPanel@165a5fe0","State","Covered Entity Type","Individuals Affected","Breach Submission Date","Type of Breach","Location of Breached Information","javax.faces.component.UIPanel@7b1f7a23","Web Description"',
			'"Acme Clinic","TX","Healthcare Provider","1200","07/19/2024","Theft","Laptop, Paper/Films","No",""',
		],
		[
			'portal-edited',
			`${PORTAL_HEADER},Year`,
			'Acme Clinic,TX,Healthcare Provider,1200,2024-07-19,Theft,"Laptop, Paper/Films",No,,2024',
		],
		[
			'portal-edited',
			`\uFEFF${PORTAL_HEADER.replace(',Web Description', '')},Time`,
			'Acme Clinic,TX,Healthcare Provider,1200,7/19/24,Theft,"Laptop, Paper/Films",No,2:05 PM',
		],
		[
			'snake-case',
			'name_of_covered_entity,state,covered_entity_type,individuals_affected,breach_submission_date,type_of_breach,location_of_breached_information,business_associate_present,web_description',
			'Acme Clinic,TX,Healthcare Provider,1200,7/19/2024,Theft,"Laptop, Paper/Films",No,',
		],
		[
			'short-titles',
			'\uFEFFName,State,Entity,Individuals,Year,Breach Submission Date,Type,Location,Business Associate Present,Web Description',
			'Acme Clinic,TX,Healthcare Provider,1200,2024,07/19/2024,Theft,"Laptop, Paper/Films",No,',
		],
		[
			'r-ecdat',
			'rownames,Name.of.Covered.Entity,State,Covered.Entity.Type,Individuals.Affected,Breach.Submission.Date,Type.of.Breach,Location.of.Breached.Information,Business.Associate.Present,Web.Description',
			'1,Acme Clinic,TX,Healthcare Provider,1200,2024-07-19,Theft,"Laptop, Paper/Films",FALSE,NA',
		],
	];
	for (const [format, header, row] of cases) {
		it(`${format}: ${header.slice(0, 50)}…`, () => {
			const reading = read(`${header}\n${row}\n`);
			expect(reading.refused).toBeUndefined();
			expect(reading.problems).toEqual([]);
			expect(reading.format).toBe(format);
			expect(reading.rows).toEqual([
				expect.objectContaining({
					name: 'Acme Clinic',
					state: 'TX',
					entityType: 'healthcare-provider',
					individualsAffected: 1200,
					submitted: '2024-07-19',
					breachType: ['theft'],
					location: ['laptop', 'paper-films'],
					businessAssociatePresent: false,
					status: 'archived',
				}),
			]);
		});
	}

	it('the old portal of 2014: the business associate by name, breach and posting dates, old spellings of terms', () => {
		const reading = read(
			[
				'rownames,Number,Name_of_Covered_Entity,State,Business_Associate_Involved,Individuals_Affected,Date_of_Breach,Type_of_Breach,Location_of_Breached_Information,Date_Posted_or_Updated,Summary,breach_start,breach_end,year',
				'118,117,South Shore Hospital,MA,"Iron Mountain Data Products, Inc. (now known as ",800000,2/26/2010,Loss,"Paper, E-mail",2014-01-23,,2010-02-26,,2010',
				'1,0,Brooke Army Medical Center,TX,,1000,10/16/2009,Theft,Paper,2014-06-30,,2009-10-16,,2009',
			].join('\n'),
			'old-format',
		);
		expect(reading.format).toBe('old-portal-2014');
		expect(reading.problems).toEqual([]);
		expect(reading.rows).toEqual([]);
		expect(reading.oldRows).toEqual([
			expect.objectContaining({
				name: 'South Shore Hospital',
				businessAssociate: 'Iron Mountain Data Products, Inc. (now known as',
				individualsAffected: 800000,
				breachStart: '2010-02-26',
				breachEnd: null,
				location: ['paper-films', 'email'],
				posted: '2014-01-23',
			}),
			expect.objectContaining({ name: 'Brooke Army Medical Center', businessAssociate: null }),
		]);
	});

	it('a list of everything says nothing of the status', () => {
		const reading = read(`${PORTAL_HEADER}\nAcme,TX,Health Plan,900,01/02/2015,Loss,Email,Yes,\n`, 'single');
		expect(reading.rows[0]!.status).toBeUndefined();
	});

	it('tries the readers in order, and an exact portal header is the portal’s', () => {
		expect(EXPORT_FORMATS.map((f) => f.name)).toEqual([
			'portal',
			'portal-edited',
			'snake-case',
			'short-titles',
			'r-ecdat',
			'old-portal-2014',
		]);
		expect(detectFormat(PORTAL_HEADER.split(','))).toMatchObject({ format: { name: 'portal' } });
	});
});

describe('files no reader accepts are refused, with the reason', () => {
	it('a header no reader knows names the closest reader and the column', () => {
		const reading = read(
			`${PORTAL_HEADER.replace('State', 'Province')}\nAcme,ON,Health Plan,900,01/02/2015,Loss,Email,Yes,\n`,
		);
		expect(reading.rows).toEqual([]);
		expect(reading.refused).toMatch(
			/no reader accepts its header \(closest: "portal": column 2 is "Province" \(expected "State"\)/,
		);
	});

	it('a column missing, a column added that no reader knows, an empty file', () => {
		expect(read(PORTAL_HEADER.replace(',Individuals Affected', '')).refused).toMatch(/no reader accepts/);
		expect(read(`${PORTAL_HEADER},Notes`).refused).toMatch(/no reader accepts/);
		expect(read('').refused).toMatch(/is empty/);
	});

	it('a file whose list is not known: not named as the portal names them, not in the manifest', () => {
		expect(readExport('export.csv', bytes(`${PORTAL_HEADER}\n`)).refused).toMatch(/cannot tell which list it holds/);
	});
});

describe('dates', () => {
	it('reads the styles publishers re-saved dates in, and names them in a note', () => {
		expect(parseExportDate('7/19/24')).toBe('2024-07-19');
		expect(parseExportDate('2024-07-19')).toBe('2024-07-19');
		expect(parseExportDate('19/07/2024', 'day-first')).toBe('2024-07-19');
		expect(parseExportDate('02/30/2024')).toBeUndefined();
		const reading = read(`${PORTAL_HEADER}\nAcme,TX,Health Plan,900,1/2/15,Loss,Email,Yes,\n`);
		expect(reading.rows[0]!.submitted).toBe('2015-01-02');
		expect(reading.notes.join()).toMatch(/dates are written M\/D\/YY/);
	});

	it('reads a file day first only where a date shows it, and says so', () => {
		const text = `${PORTAL_HEADER}\nA,TX,Health Plan,900,08/03/2023,Loss,Email,Yes,\nB,TX,Health Plan,900,17/02/2023,Loss,Email,Yes,\n`;
		const reading = read(text);
		expect(reading.rows.map((r) => r.submitted)).toEqual(['2023-03-08', '2023-02-17']);
		expect(reading.notes.join()).toMatch(/dates are written day first/);
		expect(dateOrder([{ cell: '08/03/2023', line: 2 }])).toBe('month-first');
	});

	it('a file whose dates say both orders, or mix styles, fails with every line named', () => {
		const both = read(
			`${PORTAL_HEADER}\nA,TX,Health Plan,900,17/02/2023,Loss,Email,Yes,\nB,TX,Health Plan,900,02/17/2023,Loss,Email,Yes,\n`,
		);
		expect(both.problems.map((p) => p.message).join()).toMatch(
			/writes dates both day first \(line 2: "17\/02\/2023"\) and month first \(line 3: "02\/17\/2023"\)/,
		);
		const mixed = read(
			`${PORTAL_HEADER}\nA,TX,Health Plan,900,02/17/2023,Loss,Email,Yes,\nB,TX,Health Plan,900,2023-02-18,Loss,Email,Yes,\n`,
		);
		expect(mixed.problems).toEqual([
			expect.objectContaining({
				line: 3,
				column: 'column 5 (Breach Submission Date)',
				message: expect.stringMatching(/"2023-02-18" is not a date as this file writes them \(expected MM\/DD\/YYYY/),
			}),
		]);
	});

	it('a date after the export was made is a problem: a wrong snapshot date, or day and month swapped', () => {
		const reading = read(
			`${PORTAL_HEADER}\nA,TX,Health Plan,900,12/03/2023,Loss,Email,Yes,\n`,
			'archive',
			'2023-03-22',
		);
		expect(reading.problems[0]!.message).toMatch(/is after the export was made \(on or before 2023-03-22/);
	});

	it('a year column that disagrees with the submission date is a problem', () => {
		const reading = read(`${PORTAL_HEADER},Year\nA,TX,Health Plan,900,2023-03-12,Loss,Email,Yes,,2022\n`);
		expect(reading.problems[0]).toMatchObject({
			line: 2,
			column: 'column 10 (Year)',
			message: expect.stringMatching(/"2022" is not the year of the breach submission date \(2023-03-12\)/),
		});
	});
});

describe('bad rows: every problem, with its line and column', () => {
	it('lists each problem of each row, and reads none of the bad rows', () => {
		const reading = read(
			[
				PORTAL_HEADER,
				'A,TX,Health Plan,-5,01/02/2015,Loss,Email,Yes,',
				'B,XX,Health Plan,900,01/02/2015,Hacking,Email,Maybe,',
				'C,TX,Health Plan,900,01/02/2015,Loss,Email,Yes',
				'D,TX,Health Plan,900,01/02/2015,Loss,Email,Yes,',
			].join('\n'),
		);
		expect(reading.rows.map((r) => r.name)).toEqual(['D']);
		expect(reading.problems.map((p) => `${p.line}: ${p.column}`)).toEqual([
			'2: column 4 (Individuals Affected)',
			'3: column 2 (State)',
			'3: column 6 (Type of Breach)',
			'3: column 8 (Business Associate Present)',
			'4: row',
		]);
	});

	it('R’s TRUE/FALSE is not the portal’s Yes/No: a Yes in an Ecdat file is a problem', () => {
		const reading = read(
			'rownames,Name.of.Covered.Entity,State,Covered.Entity.Type,Individuals.Affected,Breach.Submission.Date,Type.of.Breach,Location.of.Breached.Information,Business.Associate.Present,Web.Description\n1,A,TX,Health Plan,NA,2015-01-02,Loss,Email,Yes,\n',
		);
		expect(reading.problems[0]!.message).toMatch(/"Yes" is not TRUE or FALSE/);
	});
});
