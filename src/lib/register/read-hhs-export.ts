/**
 * Reads one of the HHS breach portal's CSV exports into typed rows, or says exactly what is wrong:
 * the file, the line, the column and what would be valid. This is the boundary where the portal's
 * mess stops (header artifacts, a file that is not UTF-8, trailing spaces, blank cells); nothing
 * past it sees raw text.
 */
import { parse } from 'csv-parse/sync';
import { breachTypes, locations, organizationTypes, termKeys, usStates, type Vocabulary } from '../../vocabularies.ts';
import { closestMatch } from '../../schemas/suggest.ts';
import type { RegisterFigures } from '../../schemas/register.ts';
import { cleanName } from './names.ts';

/** The HHS breach portal, where both lists can be searched and exported; it has no per-filing address. */
export const HHS_PORTAL_URL = 'https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf';

/** The portal's columns that hold facts, in the fixed order of its exports. */
export const HHS_FACT_COLUMNS = [
	'Name of Covered Entity',
	'State',
	'Covered Entity Type',
	'Individuals Affected',
	'Breach Submission Date',
	'Type of Breach',
	'Location of Breached Information',
	'Business Associate Present',
] as const;

/** All nine columns: the facts, then the portal's prose description, which is never imported. */
export const HHS_COLUMNS = [...HHS_FACT_COLUMNS, 'Web Description'] as const;

/** The two lists the portal exports, by the file names it gives them. */
export const HHS_FILES: Record<string, RegisterFigures['status']> = {
	'breach_report.csv': 'under-investigation',
	'breach_report_archive.csv': 'archived',
};

/** The portal's framework sometimes names a column after a component instead of its title. */
const HEADER_ARTIFACT = /^javax\.faces\.component\.\w+@[0-9a-f]+$/i;

/** One problem with one export. */
export interface ExportProblem {
	file: string;
	/** 1-based line of the file; 0 for the file as a whole. */
	line: number;
	/** `column 4 (Individuals Affected)`, or `file`. */
	column: string;
	message: string;
}

/** One row of an export, typed and cleaned. */
export interface ExportRow extends RegisterFigures {
	state: keyof typeof usStates | null;
	/** YYYY-MM-DD. */
	submitted: string;
	/** Where the row came from, for messages. */
	file: string;
	line: number;
}

/** What reading an export found. */
export interface ExportReading {
	rows: ExportRow[];
	problems: ExportProblem[];
	/** Set when the file was not valid UTF-8 and was read as Windows-1252. */
	encodingNote?: string;
}

/** Decodes an export: UTF-8 when it is valid, else Windows-1252, which every byte decodes in. */
export function decodeExport(bytes: Uint8Array): { text: string; note?: string } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
	} catch {
		let offset = 0;
		// Find the first invalid byte, for the note: decode growing prefixes until one fails.
		for (let step = 1 << 20; step >= 1; step >>= 1) {
			try {
				new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, offset + step), { stream: true });
				offset = Math.min(offset + step, bytes.length);
			} catch {
				// The bad byte is within this step; halve it.
			}
		}
		const line = bytes.subarray(0, offset).reduce((n, b) => (b === 10 ? n + 1 : n), 1);
		return {
			text: new TextDecoder('windows-1252').decode(bytes),
			note: `not valid UTF-8 (first bad byte on line ${line}); read as Windows-1252`,
		};
	}
}

const column = (i: number) => `column ${i + 1} (${HHS_COLUMNS[i]})`;

/** A portal label → vocabulary key, matching the term's portal spelling or label, case and spaces aside. */
function termByLabel<K extends string>(v: Vocabulary<K>): (label: string) => K | undefined {
	const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
	const index = new Map<string, K>();
	for (const key of termKeys(v)) {
		const term = v.terms[key];
		index.set(fold(term.label), key);
		if (term.hhs) index.set(fold(term.hhs), key);
	}
	return (label) => index.get(fold(label));
}

const entityTypeOf = termByLabel(organizationTypes);
const breachTypeOf = termByLabel(breachTypes);
const locationOf = termByLabel(locations);

const portalLabels = (v: Vocabulary) => termKeys(v).map((k) => v.terms[k].hhs ?? v.terms[k].label);

/** Reads one export. `name` is the file's path, for messages; its base name says which list it is. */
export function readExport(name: string, bytes: Uint8Array): ExportReading {
	const problems: ExportProblem[] = [];
	const base = name.replace(/^.*[\\/]/, '');
	const status = HHS_FILES[base];
	if (!status) {
		problems.push({
			file: name,
			line: 0,
			column: 'file',
			message: `is not an export of the HHS breach portal (expected a file named ${Object.keys(HHS_FILES).join(' or ')})`,
		});
		return { rows: [], problems };
	}
	const { text, note } = decodeExport(bytes);
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			relax_column_count: true,
			info: true,
			bom: true,
			skip_empty_lines: true,
		}) as unknown as typeof records;
	} catch (error) {
		const e = error as { lines?: number; message: string };
		problems.push({ file: name, line: e.lines ?? 0, column: 'file', message: `is not valid CSV: ${e.message}` });
		return { rows: [], problems, encodingNote: note };
	}
	const [header, ...body] = records;
	if (!header) {
		problems.push({ file: name, line: 1, column: 'file', message: 'is empty (expected a header row and filings)' });
		return { rows: [], problems, encodingNote: note };
	}
	const headerProblem = checkHeader(header.record);
	if (headerProblem) {
		problems.push({ file: name, line: header.info.lines, column: 'header', message: headerProblem });
		return { rows: [], problems, encodingNote: note };
	}
	const rows: ExportRow[] = [];
	for (const { record, info } of body) {
		const line = info.lines;
		const problem = (i: number, message: string) => problems.push({ file: name, line, column: column(i), message });
		if (record.length !== HHS_COLUMNS.length) {
			problems.push({
				file: name,
				line,
				column: 'row',
				message: `has ${record.length} columns (expected ${HHS_COLUMNS.length}: ${HHS_COLUMNS.join(', ')})`,
			});
			continue;
		}
		const cells = record.map((cell) => cell.trim());
		const before = problems.length;
		const name_ = cleanName(cells[0]!);
		if (!name_) problem(0, 'is empty (expected the name of the covered entity)');
		const state = cells[1] || null;
		if (state && !(state in usStates)) {
			const guess = closestMatch(state, Object.keys(usStates));
			problem(
				1,
				`${JSON.stringify(state)} is not a US state or territory code (expected e.g. CA${guess ? `; did you mean ${guess}?` : ''})`,
			);
		}
		const entityType = cells[2] ? entityTypeOf(cells[2]) : null;
		if (entityType === undefined)
			problem(
				2,
				`${JSON.stringify(cells[2])} is not a covered-entity type (expected one of: ${portalLabels(organizationTypes).slice(0, 4).join(', ')})`,
			);
		const count = parseCount(cells[3]!);
		if (typeof count === 'string') problem(3, count);
		const submitted = parseUsDate(cells[4]!);
		if (submitted === undefined)
			problem(4, `${JSON.stringify(cells[4])} is not a date (expected MM/DD/YYYY, e.g. 07/19/2024)`);
		const breachType = termList(cells[5]!, breachTypeOf, breachTypes, (m) => problem(5, m));
		const location = termList(cells[6]!, locationOf, locations, (m) => problem(6, m));
		const ba = cells[7]!.toLowerCase();
		if (ba !== 'yes' && ba !== 'no') problem(7, `${JSON.stringify(cells[7])} is not Yes or No`);
		if (problems.length > before) continue;
		rows.push({
			name: name_,
			state: state as ExportRow['state'],
			entityType: entityType ?? null,
			individualsAffected: count as number | null,
			submitted: submitted!,
			breachType,
			location,
			businessAssociatePresent: ba === 'yes',
			status,
			file: name,
			line,
		});
	}
	return { rows, problems, encodingNote: note };
}

/** Why a header row is not the portal's, or undefined when it is. */
function checkHeader(header: string[]): string | undefined {
	if (header.length !== HHS_COLUMNS.length)
		return `has a header of ${header.length} columns (expected the portal's ${HHS_COLUMNS.length}: ${HHS_COLUMNS.join(', ')})`;
	const wrong = header.findIndex((title, i) => {
		const t = title.trim();
		return t !== HHS_COLUMNS[i] && !HEADER_ARTIFACT.test(t);
	});
	if (wrong >= 0)
		return `${column(wrong)} is ${JSON.stringify(header[wrong])} (expected "${HHS_COLUMNS[wrong]}": is this an export of the HHS breach portal?)`;
	return undefined;
}

/** A count cell → a whole number, null for a blank cell, or what is wrong. */
export function parseCount(cell: string): number | null | string {
	if (cell === '') return null;
	const plain = cell.replace(/,/g, '');
	if (!/^-?\d+$/.test(plain))
		return `${JSON.stringify(cell)} is not a whole number (expected the number of individuals, e.g. 82466)`;
	const n = Number(plain);
	if (n < 0) return `${cell} is negative (expected 0 or more individuals)`;
	return n;
}

/** `07/19/2024` → `2024-07-19`; undefined for anything that is not a real date. */
export function parseUsDate(cell: string): string | undefined {
	const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
	if (!m) return undefined;
	const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
	return date.toISOString().slice(0, 10);
}

function termList<K extends string>(
	cell: string,
	lookup: (label: string) => K | undefined,
	v: Vocabulary<K>,
	report: (message: string) => void,
): K[] {
	const keys: K[] = [];
	for (const label of cell
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)) {
		const key = lookup(label);
		if (key === undefined)
			report(
				`${JSON.stringify(label)} is not a ${v.label.toLowerCase()} of the portal (expected one of: ${portalLabels(v).join(', ')})`,
			);
		else if (!keys.includes(key)) keys.push(key);
	}
	return keys;
}
