/**
 * Reads one of the HHS breach portal's CSV exports into typed rows, or says exactly what is wrong:
 * the file, the line, the column and what would be valid. This is the boundary where the portal's
 * mess stops (header artifacts, publishers' edits, a file that is not UTF-8, trailing spaces, blank
 * cells, dates re-written by spreadsheets); nothing past it sees raw text.
 *
 * The header says which reader (export-formats.ts) reads a file; a header that no reader accepts
 * is refused with the reason, and nothing in it is read.
 */
import { parse } from 'csv-parse/sync';
import { breachTypes, locations, organizationTypes, termKeys, usStates, type Vocabulary } from '../../vocabularies.ts';
import { closestMatch } from '../../schemas/suggest.ts';
import type { RegisterFigures } from '../../schemas/register.ts';
import { cleanName } from './names.ts';
import { detectFormat, type ColumnSpec, type ExportField, type ExportFormat } from './export-formats.ts';

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

/**
 * Which list an export holds: "under investigation", the archive, one list holding every filing
 * (the portal until 2017, or both lists exported as one), or the old portal's list of 2014.
 */
export type ExportList = 'under-investigation' | 'archive' | 'single' | 'old-format';

/** The lists by the file names the portal (and exports/hhs-ocr/) gives them. */
export const HHS_FILES: Readonly<Record<string, ExportList>> = {
	'breach_report.csv': 'under-investigation',
	'breach_report_archive.csv': 'archive',
	'breach_report_single.csv': 'single',
};

/** The status a row of each list shows; one list holding every filing says nothing of it. */
export const LIST_STATUS: Readonly<Record<ExportList, RegisterStatus | undefined>> = {
	'under-investigation': 'under-investigation',
	archive: 'archived',
	single: undefined,
	'old-format': undefined,
};

type RegisterStatus = NonNullable<RegisterFigures['status']>;

/** One problem with one export. */
export interface ExportProblem {
	file: string;
	/** 1-based line of the file; 0 for the file as a whole. */
	line: number;
	/** `column 4 (Individuals Affected)`, `header`, `row` or `file`. */
	column: string;
	message: string;
}

/** One row of an export, typed and cleaned. */
export interface ExportRow extends Omit<RegisterFigures, 'status'> {
	state: keyof typeof usStates | null;
	/** YYYY-MM-DD. */
	submitted: string;
	/** The list the row was on; undefined where one list held every filing. */
	status: RegisterStatus | undefined;
	/** Where the row came from, for messages. */
	file: string;
	line: number;
}

/** One row of the old portal's list (2014): it names the business associate, and has no submission date. */
export interface OldPortalRow {
	/** The covered entity. */
	name: string;
	state: keyof typeof usStates | null;
	/** The business associate involved, by name; null where none was. */
	businessAssociate: string | null;
	individualsAffected: number | null;
	/** The breach's first and last day, YYYY-MM-DD, where given. */
	breachStart: string | null;
	breachEnd: string | null;
	breachType: RegisterFigures['breachType'];
	location: RegisterFigures['location'];
	/** The day the entry was posted or last updated, YYYY-MM-DD. */
	posted: string;
	file: string;
	line: number;
}

/** What reading an export found. */
export interface ExportReading {
	/** The reader that read it; undefined when the file was refused. */
	format?: string;
	rows: ExportRow[];
	oldRows: OldPortalRow[];
	problems: ExportProblem[];
	/** What a person should know about a file that was read: not UTF-8, dates re-written or day first. */
	notes: string[];
	/** Why no reader accepts the file; it is refused, and nothing in it is read. */
	refused?: string;
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
		const line = bytes.subarray(0, offset).reduce((n, b) => (b === 10 || b === 13 ? n + 1 : n), 1);
		return {
			text: new TextDecoder('windows-1252').decode(bytes),
			note: `not valid UTF-8 (first bad byte on line ${line}); read as Windows-1252`,
		};
	}
}

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

/** How a file writes its dates: the portal's month first, or a publisher's day first. */
type DateOrder = 'month-first' | 'day-first';

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The style of one date cell, for the report: `MM/DD/YYYY`, `M/D/YY`, `YYYY-MM-DD`… */
function dateStyle(cell: string, order: DateOrder): string | undefined {
	if (ISO_DATE.test(cell)) return 'YYYY-MM-DD';
	const m = SLASH_DATE.exec(cell);
	if (!m) return undefined;
	const [a, b] = order === 'month-first' ? ['M', 'D'] : ['D', 'M'];
	const padded = m[1]!.length === 2 && m[2]!.length === 2;
	return `${padded ? a + a : a}/${padded ? b + b : b}/${m[3]!.length === 2 ? 'YY' : 'YYYY'}`;
}

/**
 * Whether a file's slash dates are month first (the portal's) or day first (a publisher's re-save):
 * day first only when some date has a first part over 12, and a file whose dates say both is an error.
 */
export function dateOrder(cells: readonly { cell: string; line: number }[]): DateOrder | { conflict: string } {
	let dayFirst: { cell: string; line: number } | undefined;
	let monthFirst: { cell: string; line: number } | undefined;
	for (const c of cells) {
		const m = SLASH_DATE.exec(c.cell);
		if (!m) continue;
		if (Number(m[1]) > 12) dayFirst ??= c;
		if (Number(m[2]) > 12) monthFirst ??= c;
	}
	if (dayFirst && monthFirst)
		return {
			conflict: `writes dates both day first (line ${dayFirst.line}: "${dayFirst.cell}") and month first (line ${monthFirst.line}: "${monthFirst.cell}"); expected one order in a file`,
		};
	return dayFirst ? 'day-first' : 'month-first';
}

/** A date cell → YYYY-MM-DD, or undefined for anything that is not a real date. Two-digit years are 20YY: the register starts in 2009. */
export function parseExportDate(cell: string, order: DateOrder = 'month-first'): string | undefined {
	let year: number, month: number, day: number;
	const iso = ISO_DATE.exec(cell);
	const slash = SLASH_DATE.exec(cell);
	if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else if (slash) {
		const [a, b] = [Number(slash[1]), Number(slash[2])];
		[month, day] = order === 'month-first' ? [a, b] : [b, a];
		year = Number(slash[3]) + (slash[3]!.length === 2 ? 2000 : 0);
	} else return undefined;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
	return date.toISOString().slice(0, 10);
}

/** `07/19/2024` → `2024-07-19`; undefined for anything that is not a real date. */
export const parseUsDate = (cell: string) => (SLASH_DATE.test(cell) ? parseExportDate(cell) : undefined);

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

function termList<K extends string>(
	cell: string,
	lookup: (label: string) => K | undefined,
	v: Vocabulary<K>,
	aliases: Readonly<Record<string, string>>,
	report: (message: string) => void,
): K[] {
	const keys: K[] = [];
	for (const label of cell
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)) {
		const key = lookup(aliases[label] ?? label);
		if (key === undefined)
			report(
				`${JSON.stringify(label)} is not a ${v.label.toLowerCase()} of the portal (expected one of: ${portalLabels(v).join(', ')})`,
			);
		else if (!keys.includes(key)) keys.push(key);
	}
	return keys;
}

/** What reading a file needs to know beside its bytes. */
export interface ReadOptions {
	/** Which list the file holds (from the manifest or the file's name); undefined when unknown. */
	list?: ExportList;
	/** The last day the export can have been made: no date in it may be later. */
	exportedBy?: string;
}

/** Reads one export. `name` is the file's path, for messages. */
export function readExport(name: string, bytes: Uint8Array, options: ReadOptions = {}): ExportReading {
	const reading: ExportReading = { rows: [], oldRows: [], problems: [], notes: [] };
	const { text, note } = decodeExport(bytes);
	if (note) reading.notes.push(note);
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
		reading.problems.push({
			file: name,
			line: e.lines ?? 0,
			column: 'file',
			message: `is not valid CSV: ${e.message}`,
		});
		return reading;
	}
	const [header, ...body] = records;
	if (!header) {
		reading.refused = 'is empty (expected a header row and filings)';
		return reading;
	}
	const match = detectFormat(header.record);
	if ('reason' in match) {
		reading.refused = `line ${header.info.lines}: ${match.reason}`;
		return reading;
	}
	const { format, columns } = match;
	if (!format.oldPortal && (options.list === undefined || options.list === 'old-format')) {
		reading.refused =
			options.list === undefined
				? `cannot tell which list it holds (expected a file named ${Object.keys(HHS_FILES).join(', ')}, or its list in MANIFEST.csv)`
				: `MANIFEST.csv calls it the old portal's list, but its header is that of "${format.name}"`;
		return reading;
	}
	reading.format = format.name;
	readRows(name, format, columns, body, options, reading);
	return reading;
}

/** Reads the body of a file whose header matched `format`. */
function readRows(
	file: string,
	format: ExportFormat,
	columns: readonly ColumnSpec[],
	body: { record: string[]; info: { lines: number } }[],
	options: ReadOptions,
	reading: ExportReading,
): void {
	const at = (field: ExportField) => columns.findIndex((c) => c.field === field);
	const index = Object.fromEntries(
		(
			[
				'name',
				'state',
				'entityType',
				'count',
				'submitted',
				'breachType',
				'location',
				'businessAssociatePresent',
				'businessAssociateName',
				'breachStart',
				'breachEnd',
				'posted',
				'year',
				'time',
			] as const
		).map((f) => [f, at(f)]),
	) as Record<Exclude<ExportField, 'ignored'>, number>;
	const label = (i: number) => `column ${i + 1} (${columns[i]!.titles[0]})`;
	const blanks = new Set(['', ...(format.blanks ?? [])]);
	const aliases = format.termAliases ?? {};
	const dateFields = [index.submitted, index.posted, index.breachStart, index.breachEnd].filter((i) => i >= 0);

	const dateCells = body.flatMap(({ record, info }) =>
		dateFields.map((i) => ({ cell: (record[i] ?? '').trim(), line: info.lines })),
	);
	const order = dateOrder(dateCells);
	if (typeof order !== 'string') {
		reading.problems.push({ file, line: 0, column: 'file', message: order.conflict });
		return;
	}
	const styles = new Set<string>();
	/** The family of date the file writes, the one most of its dates use: the portal's slashes, or ISO. */
	const isoDates = dateCells.filter((c) => ISO_DATE.test(c.cell)).length;
	const family = isoDates > dateCells.filter((c) => SLASH_DATE.test(c.cell)).length ? 'iso' : 'slash';

	for (const { record, info } of body) {
		const line = info.lines;
		const problem = (i: number, message: string) => reading.problems.push({ file, line, column: label(i), message });
		if (record.length !== columns.length) {
			reading.problems.push({
				file,
				line,
				column: 'row',
				message: `has ${record.length} columns (expected ${columns.length}: ${columns.map((c) => c.titles[0]).join(', ')})`,
			});
			continue;
		}
		const cells = record.map((cell) => {
			const trimmed = cell.trim();
			return blanks.has(trimmed) ? '' : trimmed;
		});
		const cell = (i: number) => (i >= 0 ? cells[i]! : '');
		const before = reading.problems.length;

		const name = cleanName(cell(index.name));
		if (!name) problem(index.name, 'is empty (expected the name of the covered entity)');
		const state = cell(index.state) || null;
		if (state && !(state in usStates)) {
			const guess = closestMatch(state, Object.keys(usStates));
			problem(
				index.state,
				`${JSON.stringify(state)} is not a US state or territory code (expected e.g. CA${guess ? `; did you mean ${guess}?` : ''})`,
			);
		}
		const count = parseCount(cell(index.count));
		if (typeof count === 'string') problem(index.count, count);
		const breachType = termList(cell(index.breachType), breachTypeOf, breachTypes, aliases, (m) =>
			problem(index.breachType, m),
		);
		const location = termList(cell(index.location), locationOf, locations, aliases, (m) => problem(index.location, m));
		const date = (i: number, required: boolean): string | null | undefined => {
			if (i < 0) return null;
			const raw = cell(i);
			if (raw === '' && !required) return null;
			const rawFamily = ISO_DATE.test(raw) ? 'iso' : SLASH_DATE.test(raw) ? 'slash' : undefined;
			const iso = rawFamily === family ? parseExportDate(raw, order) : undefined;
			if (iso === undefined && rawFamily && rawFamily !== family) {
				problem(
					i,
					`${JSON.stringify(raw)} is not a date as this file writes them (expected ${family === 'iso' ? 'YYYY-MM-DD' : 'MM/DD/YYYY'}, as the file's other dates are written)`,
				);
				return undefined;
			}
			if (iso === undefined) {
				problem(
					i,
					`${JSON.stringify(raw)} is not a date (expected MM/DD/YYYY, e.g. 07/19/2024, or another date style the file uses consistently)`,
				);
				return undefined;
			}
			styles.add(dateStyle(raw, order)!);
			if (options.exportedBy && iso > options.exportedBy)
				problem(
					i,
					`${JSON.stringify(raw)} is after the export was made (on or before ${options.exportedBy}; expected an earlier date: is the snapshot's date right, or are the day and the month swapped?)`,
				);
			return iso;
		};
		const year = cell(index.year);
		const time = cell(index.time);
		if (index.time >= 0 && time && !/^\d{1,2}:\d{2}(:\d{2})?(\s?[AP]M)?$/i.test(time))
			problem(index.time, `${JSON.stringify(time)} is not a time of day (expected e.g. 14:05 or 2:05 PM)`);
		const checkYear = (iso: string | null | undefined, of: string) => {
			if (index.year < 0 || !iso) return;
			if (year !== iso.slice(0, 4))
				problem(
					index.year,
					`${JSON.stringify(year)} is not the year of the ${of} (${iso}); expected ${iso.slice(0, 4)}`,
				);
		};

		if (format.oldPortal) {
			const posted = date(index.posted, true);
			const breachStart = date(index.breachStart, false);
			const breachEnd = date(index.breachEnd, false);
			checkYear(breachStart, 'breach');
			if (reading.problems.length > before) continue;
			reading.oldRows.push({
				name,
				state: state as OldPortalRow['state'],
				businessAssociate: cleanName(cell(index.businessAssociateName)) || null,
				individualsAffected: count as number | null,
				breachStart: breachStart ?? null,
				breachEnd: breachEnd ?? null,
				breachType,
				location,
				posted: posted!,
				file,
				line,
			});
			continue;
		}

		const entityTypeCell = cell(index.entityType);
		const entityType = entityTypeCell ? entityTypeOf(entityTypeCell) : null;
		if (entityType === undefined)
			problem(
				index.entityType,
				`${JSON.stringify(entityTypeCell)} is not a covered-entity type (expected one of: ${portalLabels(organizationTypes).slice(0, 4).join(', ')})`,
			);
		const submitted = date(index.submitted, true);
		checkYear(submitted, 'breach submission date');
		const ba = cell(index.businessAssociatePresent);
		const { yes, no } = format.booleans ?? { yes: 'Yes', no: 'No' };
		if (ba.toLowerCase() !== yes.toLowerCase() && ba.toLowerCase() !== no.toLowerCase())
			problem(index.businessAssociatePresent, `${JSON.stringify(ba)} is not ${yes} or ${no}`);
		if (reading.problems.length > before) continue;
		reading.rows.push({
			name,
			state: state as ExportRow['state'],
			entityType: entityType ?? null,
			individualsAffected: count as number | null,
			submitted: submitted!,
			breachType,
			location,
			businessAssociatePresent: ba.toLowerCase() === yes.toLowerCase(),
			status: LIST_STATUS[options.list!],
			file,
			line,
		});
	}
	const written = [...styles].filter((s) => s !== 'MM/DD/YYYY').sort();
	if (order === 'day-first')
		reading.notes.push(
			`dates are written day first (${written.join(', ')}): some have a first part over 12, so none is read month first`,
		);
	else if (written.length > 0 && !format.oldPortal && format.name !== 'r-ecdat')
		reading.notes.push(
			`dates are written ${[...styles].sort().join(', ')}, not only as the portal writes them (MM/DD/YYYY)`,
		);
}
