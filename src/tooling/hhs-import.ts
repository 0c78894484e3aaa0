/**
 * `npm run import:hhs`: reads one snapshot of the HHS breach portal (both of its CSV exports) and
 * merges it into `content/register/`. Every problem in the exports is reported at once, with the
 * file, the line and the column, and then nothing is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { HHS_FILES, readExport, type ExportProblem, type ExportRow } from '../lib/register/read-hhs-export.ts';
import { mergeSnapshot, type MergeReport } from '../lib/register/merge.ts';
import type { RegisterImport } from '../schemas/register.ts';
import {
	readRegister,
	REGISTER_FILES,
	serializeImports,
	serializeRecords,
	writeFilesAtomically,
} from './register-store.ts';
import { FILING, formatCount } from '../lib/format.ts';

/** An import that cannot go ahead; `problems` lists every reason, each naming its file. */
export class ImportError extends Error {
	readonly problems: string[];
	constructor(problems: string[]) {
		super(problems.join('\n'));
		this.problems = problems;
	}
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The snapshot's date and its two files, from the arguments: a folder, or the CSV files themselves. */
export function resolveSnapshot(paths: readonly string[], date?: string): { snapshot: string; files: string[] } {
	if (paths.length === 0)
		throw new ImportError([
			'name a snapshot: a folder holding breach_report.csv and breach_report_archive.csv, or the two files',
		]);
	const files: string[] = [];
	for (const path of paths) {
		if (!existsSync(path)) throw new ImportError([`${path}: no such file or folder`]);
		if (statSync(path).isDirectory()) {
			for (const name of Object.keys(HHS_FILES)) if (existsSync(join(path, name))) files.push(join(path, name));
		} else files.push(path);
	}
	const problems: string[] = [];
	for (const file of files)
		if (!(basename(file) in HHS_FILES))
			problems.push(
				`${file}: is not an export of the HHS breach portal (expected a file named ${Object.keys(HHS_FILES).join(' or ')})`,
			);
	const lists = new Set(files.map((f) => basename(f)));
	for (const name of Object.keys(HHS_FILES))
		if (!lists.has(name))
			problems.push(
				`${paths.join(', ')}: ${name} is missing (expected both of the portal's lists, so that a filing missing from one is not taken as withdrawn)`,
			);
	if (files.length !== lists.size)
		problems.push(`${paths.join(', ')}: a list is named twice (expected one file of each list)`);
	const snapshot = date ?? [...new Set(files.map((f) => basename(dirname(resolve(f)))))].find((d) => ISO_DAY.test(d));
	if (!snapshot)
		problems.push(
			`${paths.join(', ')}: no snapshot date (expected --date YYYY-MM-DD, or a folder named by the date, e.g. 2026-07-01)`,
		);
	else if (!ISO_DAY.test(snapshot) || Number.isNaN(Date.parse(snapshot)))
		problems.push(`--date ${snapshot}: not a date (expected YYYY-MM-DD)`);
	if (problems.length > 0) throw new ImportError(problems);
	return { snapshot: snapshot!, files: files.sort() };
}

/** What an import did, for the report. */
export interface ImportResult {
	report: MergeReport;
	/** Notes about the exports that were read anyway, such as a file that was not UTF-8. */
	notes: string[];
	/** Whether the register's files were rewritten (false when nothing changed). */
	written: boolean;
}

/** Imports one snapshot into the register folder `dir`; throws an ImportError and writes nothing on bad input. */
export function importSnapshot(
	paths: readonly string[],
	options: { dir: string; date?: string; progress?: (line: string) => void },
): ImportResult {
	const progress = options.progress ?? (() => {});
	const { snapshot, files } = resolveSnapshot(paths, options.date);
	const register = readRegister(options.dir);
	const last = register.imports.at(-1);
	const read = files.map((file) => {
		const bytes = readFileSync(file);
		return { file, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
	});
	if (last && snapshot < last.snapshot)
		throw new ImportError([
			`${snapshot}: older than the last import, ${last.snapshot} (expected snapshots in date order; the register's history would run backwards)`,
		]);
	if (last && snapshot === last.snapshot) {
		const before = last.files.map((f) => `${f.name}:${f.sha256}`).join();
		const now = read.map((f) => `${basename(f.file)}:${f.sha256}`).join();
		if (before !== now)
			throw new ImportError([
				`${snapshot}: already imported from other files (expected the same exports again, or a snapshot with a later date)`,
			]);
	}

	const rows: ExportRow[] = [];
	const problems: ExportProblem[] = [];
	const notes: string[] = [];
	for (const { file, bytes } of read) {
		progress(`Reading ${file}…`);
		const reading = readExport(file, bytes);
		if (reading.encodingNote) notes.push(`${file}: ${reading.encodingNote}`);
		rows.push(...reading.rows);
		problems.push(...reading.problems);
		progress(
			`  ${formatCount(reading.rows.length, FILING)}${reading.problems.length ? `, ${reading.problems.length} problems` : ''}`,
		);
	}
	if (problems.length > 0)
		throw new ImportError(
			problems.map((p) => (p.line > 0 ? `${p.file}:${p.line}: ${p.column}: ${p.message}` : `${p.file}: ${p.message}`)),
		);

	progress(`Merging ${formatCount(rows.length, FILING)} into ${formatCount(register.records.length)}…`);
	const { records, report } = mergeSnapshot(register.records, rows, snapshot);
	const entry: RegisterImport = {
		snapshot,
		files: read.map((f) => ({
			name: basename(f.file),
			sha256: f.sha256,
			rows: rows.filter((r) => r.file === f.file).length,
		})),
		added: report.added.length,
		changed: report.changed.length,
		archived: report.archived.length,
		absent: report.absent.length,
	};
	// The same exports again change nothing, and the log keeps what their first import did.
	const imports = last?.snapshot === snapshot ? register.imports : [...register.imports, entry];
	const filingsPath = join(options.dir, REGISTER_FILES.filings);
	const importsPath = join(options.dir, REGISTER_FILES.imports);
	const text = { [filingsPath]: serializeRecords(records), [importsPath]: serializeImports(imports) };
	const unchanged = Object.entries(text).every(([path, t]) => existsSync(path) && readFileSync(path, 'utf8') === t);
	if (!unchanged) {
		progress(`Writing ${filingsPath}…`);
		writeFilesAtomically(text);
	}
	return { report, notes, written: !unchanged };
}
