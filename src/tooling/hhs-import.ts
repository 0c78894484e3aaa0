/**
 * `npm run import:hhs`: reads snapshots of the HHS breach portal's CSV exports and merges them into
 * `content/register/`, one snapshot on top of the register (`importSnapshot`), or every snapshot of
 * the exports folder from the start, in the order of their export dates (`rebuildRegister`). Every
 * problem in the exports is reported at once, with the file, the line and the column, and then
 * nothing is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
	HHS_FILES,
	readExport,
	type ExportList,
	type ExportProblem,
	type ExportRow,
	type OldPortalRow,
} from '../lib/register/read-hhs-export.ts';
import { mergeSnapshot, type MergeReport } from '../lib/register/merge.ts';
import { byExportDate, exportDateOf, readManifest, type ManifestRow } from '../lib/register/manifest.ts';
import { applyOldPortalMatch, matchOldPortal, type OldPortalMiss } from '../lib/register/old-format.ts';
import { carryOverIds } from '../lib/register/ids.ts';
import { snapshotIdSchema, type ExportDate, type RegisterImport, type RegisterRecord } from '../schemas/register.ts';
import {
	readRegister,
	REGISTER_FILES,
	serializeImports,
	serializeRecords,
	writeFilesAtomically,
} from './register-store.ts';
import { FILING, formatCount } from '../lib/format.ts';

/** The project's own exports: every snapshot the register is built from, with its manifest. */
export const EXPORTS_DIR = 'exports/hhs-ocr';
/** The manifest's name, in the exports folder. */
export const MANIFEST_FILE = 'MANIFEST.csv';

/** An import that cannot go ahead; `problems` lists every reason, each naming its file. */
export class ImportError extends Error {
	readonly problems: string[];
	constructor(problems: string[]) {
		super(problems.join('\n'));
		this.problems = problems;
	}
}

const isSnapshotId = (name: string) => snapshotIdSchema.safeParse(name).success;
const formatProblem = (p: ExportProblem) =>
	p.line > 0 ? `${p.file}:${p.line}: ${p.column}: ${p.message}` : `${p.file}: ${p.message}`;

/** A snapshot to read: its id, what is known of its export date, and its files with their lists. */
export interface SnapshotPlan {
	snapshot: string;
	exported: ExportDate;
	files: { path: string; list: ExportList | undefined }[];
}

/** The manifest in `root`, or none. */
function manifestIn(root: string): ManifestRow[] {
	const path = join(root, MANIFEST_FILE);
	if (!existsSync(path)) return [];
	const { rows, problems } = readManifest(path, readFileSync(path, 'utf8'));
	if (problems.length > 0) throw new ImportError(problems);
	return rows;
}

/** Plans a snapshot folder: its CSV files, each file's list (the manifest's, else its name's), and its export date. */
function planFolder(folder: string, manifest: readonly ManifestRow[], date?: string): SnapshotPlan {
	const snapshot = date ?? basename(resolve(folder));
	if (!isSnapshotId(snapshot))
		throw new ImportError([
			`${folder}: no snapshot date (expected --date YYYY-MM-DD, or a folder named by the date, e.g. 2026-07-01 or 2022-03-30-b)`,
		]);
	const rows = manifest.filter((r) => r.folder === basename(resolve(folder)));
	const exported = date ? { from: date, to: date } : exportDateOf(snapshot, rows);
	if (typeof exported === 'string') throw new ImportError([exported]);
	const files = readdirSync(folder)
		.filter((name) => name.toLowerCase().endsWith('.csv'))
		.sort()
		.map((name) => ({ path: join(folder, name), list: rows.find((r) => r.file === name)?.list ?? HHS_FILES[name] }));
	if (files.length === 0)
		throw new ImportError([`${folder}: holds no CSV file (expected the portal's exports, e.g. breach_report.csv)`]);
	return { snapshot, exported, files };
}

/** The plan for the arguments of a one-snapshot import: a folder, or the CSV files themselves. */
export function resolveSnapshot(paths: readonly string[], date?: string): SnapshotPlan {
	if (paths.length === 0)
		throw new ImportError([
			'name a snapshot: a folder holding the portal’s exports (breach_report.csv, …), or the files',
		]);
	for (const path of paths) if (!existsSync(path)) throw new ImportError([`${path}: no such file or folder`]);
	if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))))
		throw new ImportError([`--date ${date}: not a date (expected YYYY-MM-DD)`]);
	const folders = [...new Set(paths.map((p) => (statSync(p).isDirectory() ? resolve(p) : dirname(resolve(p)))))];
	if (folders.length !== 1)
		throw new ImportError([`${paths.join(', ')}: files from several folders (expected one snapshot at a time)`]);
	const plan = planFolder(folders[0]!, manifestIn(dirname(folders[0]!)), date);
	if (paths.some((p) => !statSync(p).isDirectory())) {
		const named = new Set(paths.map((p) => resolve(p)));
		plan.files = plan.files.filter((f) => named.has(resolve(f.path)));
	}
	const lists = plan.files.map((f) => f.list).filter(Boolean);
	if (new Set(lists).size !== lists.length)
		throw new ImportError([`${paths.join(', ')}: a list is named twice (expected one file of each list)`]);
	return plan;
}

/** A file that no reader accepts, and why. */
export interface RefusedFile {
	file: string;
	reason: string;
}

/** What reading a snapshot's files found. */
interface SnapshotReading {
	plan: SnapshotPlan;
	rows: ExportRow[];
	oldRows: OldPortalRow[];
	files: RegisterImport['files'];
	/** Both lists, or one holding everything. */
	complete: boolean;
	notes: string[];
	refused: RefusedFile[];
	problems: string[];
}

/** Reads a snapshot's files; a file already imported (`seen`, by SHA-256) is skipped with a note. */
function readSnapshot(
	plan: SnapshotPlan,
	seen: Map<string, string>,
	progress: (line: string) => void,
): SnapshotReading {
	const reading: SnapshotReading = {
		plan,
		rows: [],
		oldRows: [],
		files: [],
		complete: false,
		notes: [],
		refused: [],
		problems: [],
	};
	const lists = new Set<ExportList>();
	for (const { path, list } of plan.files) {
		const bytes = readFileSync(path);
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		const before = seen.get(sha256);
		if (before) {
			reading.notes.push(`${path}: the same file as snapshot ${before} imported; skipped`);
			continue;
		}
		seen.set(sha256, plan.snapshot);
		progress(`Reading ${path}…`);
		const read = readExport(path, bytes, { list, exportedBy: plan.exported.to });
		for (const note of read.notes) reading.notes.push(`${path}: ${note}`);
		reading.problems.push(...read.problems.map(formatProblem));
		const name = basename(path);
		if (read.refused) {
			reading.refused.push({ file: path, reason: read.refused });
			reading.files.push({ name, ...(list ? { list } : {}), sha256, rows: 0, refused: read.refused });
			continue;
		}
		const fileList: ExportList = read.oldRows.length > 0 || read.format === 'old-portal-2014' ? 'old-format' : list!;
		lists.add(fileList);
		reading.rows.push(...read.rows);
		reading.oldRows.push(...read.oldRows);
		reading.files.push({
			name,
			list: fileList,
			format: read.format!,
			sha256,
			rows: read.rows.length + read.oldRows.length,
		});
	}
	reading.complete = lists.has('single') || (lists.has('under-investigation') && lists.has('archive'));
	return reading;
}

/** The import log's entry for a merged snapshot. */
function importEntry(
	reading: SnapshotReading,
	report?: MergeReport,
	old?: { matched: number; unmatched: number },
): RegisterImport {
	return {
		snapshot: reading.plan.snapshot,
		exported: reading.plan.exported,
		complete: reading.complete,
		files: reading.files,
		added: report?.added.length ?? 0,
		changed: report?.changed.length ?? 0,
		archived: report?.archived.length ?? 0,
		absent: report?.absent.length ?? 0,
		...old,
	};
}

/** Writes the register's two files when they differ from what is there; whether it wrote. */
function writeRegister(dir: string, records: readonly RegisterRecord[], imports: readonly RegisterImport[]): boolean {
	const text = {
		[join(dir, REGISTER_FILES.filings)]: serializeRecords(records),
		[join(dir, REGISTER_FILES.imports)]: serializeImports(imports),
	};
	const unchanged = Object.entries(text).every(([path, t]) => existsSync(path) && readFileSync(path, 'utf8') === t);
	if (!unchanged) writeFilesAtomically(text);
	return !unchanged;
}

/** What importing one snapshot did. */
export interface ImportResult {
	snapshot: string;
	exported: ExportDate;
	complete: boolean;
	/** The merge's report; undefined when nothing was merged (every file skipped or refused). */
	report?: MergeReport;
	/** Notes about the exports: a file that was not UTF-8, dates re-written, a file skipped as already imported. */
	notes: string[];
	refused: RefusedFile[];
	/** Whether the register's files were rewritten (false when nothing changed). */
	written: boolean;
}

/** Imports one snapshot into the register folder `dir`; throws an ImportError and writes nothing on bad input. */
export function importSnapshot(
	paths: readonly string[],
	options: { dir: string; date?: string; progress?: (line: string) => void },
): ImportResult {
	const progress = options.progress ?? (() => {});
	const plan = resolveSnapshot(paths, options.date);
	const register = readRegister(options.dir);
	const last = [...register.imports].sort(byExportDate).at(-1);
	const result: ImportResult = {
		snapshot: plan.snapshot,
		exported: plan.exported,
		complete: false,
		notes: [],
		refused: [],
		written: false,
	};
	const known = register.imports.find((i) => i.snapshot === plan.snapshot);
	if (known) {
		const hashes = new Set(plan.files.map((f) => createHash('sha256').update(readFileSync(f.path)).digest('hex')));
		if (known.files.every((f) => hashes.has(f.sha256)) && hashes.size === known.files.length) {
			result.notes.push(`${plan.snapshot}: already imported from these files; skipped`);
			return result;
		}
		throw new ImportError([
			`${plan.snapshot}: already imported from other files (expected the same exports again, or a snapshot with a later date)`,
		]);
	}
	if (last && byExportDate({ snapshot: plan.snapshot, exported: plan.exported }, last) < 0)
		throw new ImportError([
			`${plan.snapshot}: older than the last import, ${last.snapshot} (exported ${plan.exported.from}…${plan.exported.to}, against ${last.exported.from}…${last.exported.to}; expected snapshots in date order: the register's history would run backwards; npm run import:hhs -- --rebuild replays every snapshot in order)`,
		]);
	const seen = new Map(register.imports.flatMap((i) => i.files.map((f) => [f.sha256, i.snapshot] as const)));
	const reading = readSnapshot(plan, seen, progress);
	result.notes.push(...reading.notes);
	result.refused = reading.refused;
	result.complete = reading.complete;
	if (reading.problems.length > 0) throw new ImportError(reading.problems);
	if (reading.oldRows.length > 0)
		throw new ImportError([
			`${plan.snapshot}: holds the old portal's list, which has no submission dates and is matched to filings only by a rebuild (npm run import:hhs -- --rebuild)`,
		]);
	if (reading.files.every((f) => f.refused)) return result;
	progress(`Merging ${formatCount(reading.rows.length, FILING)} into ${formatCount(register.records.length)}…`);
	const { records, report } = mergeSnapshot(register.records, reading.rows, plan.snapshot, {
		complete: reading.complete,
	});
	result.report = report;
	result.written = writeRegister(options.dir, records, [...register.imports, importEntry(reading, report)]);
	return result;
}

/** What a rebuild did. */
export interface RebuildResult {
	/** Each snapshot's import, in order. */
	imports: RegisterImport[];
	/** Each merged snapshot's report, by snapshot; ids are the final ones. */
	reports: Map<string, MergeReport>;
	records: RegisterRecord[];
	notes: string[];
	refused: RefusedFile[];
	/** The old portal's rows that no filing matched with certainty. */
	unmatched: OldPortalMiss[];
	written: boolean;
}

/**
 * Rebuilds the register in `dir` from every snapshot folder under `root`, in the order of their
 * export dates. The register's existing ids carry over: a rebuild that would lose one is refused.
 */
export function rebuildRegister(
	root: string,
	options: { dir: string; progress?: (line: string) => void },
): RebuildResult {
	const progress = options.progress ?? (() => {});
	if (!existsSync(root) || !statSync(root).isDirectory())
		throw new ImportError([`${root}: no such folder (expected the exports folder, e.g. ${EXPORTS_DIR})`]);
	const manifest = manifestIn(root);
	const problems: string[] = [];
	const plans: SnapshotPlan[] = [];
	for (const name of readdirSync(root).sort()) {
		const folder = join(root, name);
		if (!statSync(folder).isDirectory()) continue;
		try {
			plans.push(planFolder(folder, manifest));
		} catch (error) {
			if (!(error instanceof ImportError)) throw error;
			problems.push(...error.problems);
		}
	}
	for (const row of manifest)
		if (!existsSync(join(root, row.folder, row.file)))
			problems.push(`${join(root, MANIFEST_FILE)}:${row.line}: ${row.folder}/${row.file} is not in ${root}`);
	if (problems.length > 0) throw new ImportError(problems);
	plans.sort(byExportDate);

	const seen = new Map<string, string>();
	const readings = plans.map((plan) => readSnapshot(plan, seen, progress));
	const allProblems = readings.flatMap((r) => r.problems);
	if (allProblems.length > 0) throw new ImportError(allProblems);

	let records: RegisterRecord[] = [];
	const reports = new Map<string, MergeReport>();
	for (const reading of readings) {
		if (reading.rows.length === 0) continue;
		progress(`Merging ${reading.plan.snapshot} (${formatCount(reading.rows.length, FILING)})…`);
		const merged = mergeSnapshot(records, reading.rows, reading.plan.snapshot, {
			complete: reading.complete,
			inPlace: true,
		});
		records = merged.records;
		reports.set(reading.plan.snapshot, merged.report);
	}
	const unmatched: OldPortalMiss[] = [];
	const oldCounts = new Map<string, { matched: number; unmatched: number }>();
	for (const reading of readings) {
		if (reading.oldRows.length === 0) continue;
		const { matches, unmatched: missed } = matchOldPortal(records, reading.oldRows);
		for (const match of matches) applyOldPortalMatch(match.record, match, reading.plan.snapshot);
		unmatched.push(...missed);
		oldCounts.set(reading.plan.snapshot, { matched: matches.length, unmatched: missed.length });
	}

	const rank = new Map(plans.map((p, i) => [p.snapshot, i]));
	const existing = readRegister(options.dir);
	const shared = existing.imports.map((i) => i.snapshot).filter((s) => rank.has(s));
	const carried = carryOverIds(records, existing.records, shared, rank);
	if (carried.lost.length > 0)
		throw new ImportError(
			carried.lost.map(
				(id) =>
					`${id}: an id of the register that the rebuild would lose (no rebuilt filing showed the same figures at ${shared.join(', ')}); ids never change, so nothing is written`,
			),
		);
	const finalId = carried.idOf;
	for (const [snapshot, report] of reports) reports.set(snapshot, renameReport(report, finalId));
	const imports = readings.map((r) => importEntry(r, reports.get(r.plan.snapshot), oldCounts.get(r.plan.snapshot)));
	const written = writeRegister(options.dir, carried.records, imports);
	return {
		imports,
		reports,
		records: carried.records,
		notes: readings.flatMap((r) => r.notes),
		refused: readings.flatMap((r) => r.refused),
		unmatched,
		written,
	};
}

/** A merge report with the rebuild's working ids replaced by the final ones. */
function renameReport(report: MergeReport, idOf: ReadonlyMap<string, string>): MergeReport {
	const id = (x: string) => idOf.get(x) ?? x;
	return {
		...report,
		added: report.added.map(id).sort(),
		changed: report.changed.map(id).sort(),
		archived: report.archived.map(id).sort(),
		absent: report.absent.map(id).sort(),
		returned: report.returned.map(id).sort(),
		revised: report.revised.map((r) => ({ ...r, id: id(r.id) })),
		renamed: report.renamed.map((r) => ({ ...r, id: id(r.id) })),
	};
}
