/**
 * The register's files under `content/register/`: reading them back with every record validated,
 * and writing them so that a failed import never leaves a half-written file where a good one was.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
	REGISTER_FIGURES,
	registerImportSchema,
	registerRecordSchema,
	type RegisterImport,
	type RegisterObservation,
	type RegisterRecord,
} from '../schemas/register.ts';
import { latestSnapshot } from '../lib/register/merge.ts';

/** The file names inside the register folder. */
export const REGISTER_FILES = { filings: 'filings.json', imports: 'imports.json' } as const;

/** The register as committed: every filing, and the imports that made it. */
export interface RegisterData {
	records: RegisterRecord[];
	imports: RegisterImport[];
}

/** Reads and validates the register; an empty register where the folder has none yet. */
export function readRegister(dir: string): RegisterData {
	const filings = join(dir, REGISTER_FILES.filings);
	const imports = join(dir, REGISTER_FILES.imports);
	if (!existsSync(filings)) return { records: [], imports: [] };
	const problems: string[] = [];
	const records: RegisterRecord[] = [];
	// One record per line, so that a problem names its line.
	readFileSync(filings, 'utf8')
		.split('\n')
		.forEach((text, i) => {
			const json = text.replace(/,$/, '').trim();
			if (json === '[' || json === ']' || json === '') return;
			let raw: unknown;
			try {
				raw = JSON.parse(json);
			} catch (error) {
				problems.push(`${filings}:${i + 1}: not JSON: ${(error as Error).message}`);
				return;
			}
			const parsed = registerRecordSchema.safeParse(raw);
			if (parsed.success) records.push(parsed.data);
			else
				for (const issue of parsed.error.issues)
					problems.push(`${filings}:${i + 1}: ${issue.path.join('.') || 'record'}: ${issue.message}`);
		});
	const log = existsSync(imports)
		? registerImportSchema.array().safeParse(JSON.parse(readFileSync(imports, 'utf8')))
		: undefined;
	if (log && !log.success)
		problems.push(`${imports}: ${log.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
	if (problems.length > 0) throw new Error(`The committed register is invalid:\n${problems.join('\n')}`);
	return { records, imports: log?.success ? log.data : [] };
}

/**
 * The record's keys in the order the file keeps them (the schema's, less the history, which comes
 * last): a re-import diffs by field only where a field changed. The type below fails to compile
 * when the schema gains a field this list lacks.
 */
const RECORD_KEYS = [
	'id',
	'name',
	'state',
	'entityType',
	'individualsAffected',
	'submitted',
	'breachType',
	'location',
	'businessAssociatePresent',
	'status',
	'firstSeen',
	'lastSeen',
] as const satisfies readonly (keyof RegisterRecord)[];
/** The parties the old portal's list names, written only where a filing has them. */
const PARTY_KEYS = ['coveredEntity', 'businessAssociate'] as const satisfies readonly (keyof RegisterRecord)[];
const everyKey: Exclude<
	keyof RegisterRecord,
	(typeof RECORD_KEYS)[number] | (typeof PARTY_KEYS)[number] | 'history'
> extends never
	? true
	: never = true;
void everyKey;

/** One observation with its keys in a fixed order. */
function ordered(o: RegisterObservation): RegisterObservation {
	const out: Record<string, unknown> = { snapshot: o.snapshot };
	if (o.absent) out.absent = true;
	for (const key of REGISTER_FIGURES) if (o[key] !== undefined) out[key] = o[key];
	return out as RegisterObservation;
}

/** The filings as JSON, one record per line in a fixed key order, so that a re-import diffs by filing. */
export function serializeRecords(records: readonly RegisterRecord[]): string {
	const lines = records.map((r) => {
		const out: Record<string, unknown> = {};
		for (const key of RECORD_KEYS) out[key] = r[key];
		for (const key of PARTY_KEYS) if (r[key]) out[key] = { name: r[key].name, snapshot: r[key].snapshot };
		out.history = r.history.map(ordered);
		return JSON.stringify(out);
	});
	return `[\n${lines.join(',\n')}\n]\n`;
}

/** The import log as JSON. */
export function serializeImports(imports: readonly RegisterImport[]): string {
	return `${JSON.stringify(imports, null, '\t')}\n`;
}

/**
 * Writes several files so that each is either the old one or the new one, never half of either:
 * everything is written beside its target first, and renamed over it only once all are written.
 */
export function writeFilesAtomically(files: Record<string, string>): void {
	const staged: [string, string][] = [];
	try {
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(dirname(path), { recursive: true });
			const temporary = `${path}.${process.pid}.tmp`;
			writeFileSync(temporary, text);
			staged.push([temporary, path]);
		}
	} catch (error) {
		for (const [temporary] of staged) rmSync(temporary, { force: true });
		throw error;
	}
	for (const [temporary, path] of staged) renameSync(temporary, path);
}

/** The register as the content check reads it: records by id and the latest snapshot's date. */
export function registerIndex(dir: string): { records: Map<string, RegisterRecord>; latest?: string } {
	const { records } = readRegister(dir);
	return { records: new Map(records.map((r) => [r.id, r])), latest: latestSnapshot(records) };
}
