/**
 * Merges one snapshot of the HHS breach portal into the register the casebook keeps. The portal
 * has no record ids and overwrites every figure it revises; this is where a filing gets an id
 * that survives re-imports, and where each revision becomes a dated observation in its history.
 *
 * Pure: records and rows in, records and a report out. Nothing here depends on the order of rows
 * in an export, so the same snapshot always gives the same register.
 */
import {
	REGISTER_FIGURES,
	type RegisterFigures,
	type RegisterObservation,
	type RegisterRecord,
} from '../../schemas/register.ts';
import type { ExportRow } from './read-hhs-export.ts';
import { nameKey, nameSimilarity, nameSlug } from './names.ts';

/** The status of a filing that a complete export no longer lists. */
export const NO_LONGER_LISTED = 'no-longer-listed' as const;

/** A count of 500 or 501 is what an entity files before it knows how many people were affected. */
export const PLACEHOLDER_COUNTS: readonly number[] = [500, 501];

/** One revision of a filing's count. */
export interface CountRevision {
	id: string;
	name: string;
	snapshot: string;
	from: number | null;
	to: number | null;
	/** The earlier figure was a placeholder (500 or 501). */
	placeholder: boolean;
}

/** What merging one snapshot did. */
export interface MergeReport {
	snapshot: string;
	/** Rows read from the snapshot's exports. */
	rows: number;
	/** Ids of filings seen for the first time. */
	added: string[];
	/** Ids of filings with any figure changed (count, type, location, entity type, status, name). */
	changed: string[];
	/** Count revisions, the largest first. */
	revised: CountRevision[];
	/** Ids of filings that moved from "under investigation" to the archive. */
	archived: string[];
	/** Ids of filings missing from this snapshot, kept and marked absent. */
	absent: string[];
	/** Ids of filings missing from an earlier snapshot that came back. */
	returned: string[];
	/** Filings matched to an earlier one under another name on the same day and state. */
	renamed: { id: string; from: string; to: string }[];
	/** Filings seen again with nothing changed. */
	unchanged: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameSet = (a: readonly string[], b: readonly string[]) => same([...a].sort(), [...b].sort());

/**
 * The figures a row shows, as the record will hold them. A list that names no status (one list
 * of everything) leaves the record's as it was; a type or location list that differs only in its
 * order (publishers sorted them) keeps the record's order, so that it is not taken for a revision.
 */
function figuresOf(row: ExportRow, record?: RegisterRecord): RegisterFigures {
	const figures = Object.fromEntries(REGISTER_FIGURES.map((k) => [k, row[k]])) as RegisterFigures;
	figures.status = row.status ?? (record?.status === NO_LONGER_LISTED ? null : record?.status) ?? null;
	if (record && sameSet(record.breachType, row.breachType)) figures.breachType = record.breachType;
	if (record && sameSet(record.location, row.location)) figures.location = record.location;
	return figures;
}

/** Each row's content key, computed once: sorting asks for it many times. */
const contentKeys = new WeakMap<ExportRow, string>();

/** A row's content as one sortable string: what orders rows without regard to the file's order. */
function contentKey(row: ExportRow): string {
	let key = contentKeys.get(row);
	if (key === undefined) contentKeys.set(row, (key = contentKeyOf(row)));
	return key;
}

function contentKeyOf(row: ExportRow): string {
	return [
		nameKey(row.name),
		row.state ?? '',
		row.submitted,
		String(row.individualsAffected ?? -1).padStart(12, '0'),
		row.breachType.join(','),
		row.location.join(','),
		row.entityType ?? '',
		row.businessAssociatePresent,
		row.status ?? '',
		row.name,
	].join('|');
}

const groupKey = (key: string, state: string | null, submitted: string) => `${key}|${state ?? ''}|${submitted}`;

/** Every name a record has had, oldest first. */
export function namesOf(record: RegisterRecord): string[] {
	const names: string[] = [];
	for (const o of record.history) if (o.name !== undefined && !names.includes(o.name)) names.push(o.name);
	return names;
}

/** How alike a row is to a record's current figures: the count weighs most. */
function likeness(row: ExportRow, record: RegisterRecord): number {
	let score = row.individualsAffected === record.individualsAffected ? 4 : 0;
	for (const key of ['entityType', 'breachType', 'location', 'businessAssociatePresent', 'status', 'name'] as const)
		if (same(row[key], record[key])) score++;
	return score;
}

/** Pairs rows with records greedily, most alike first; ties go by record id, then row content. */
function pairUp(
	rows: ExportRow[],
	records: RegisterRecord[],
	score: (row: ExportRow, record: RegisterRecord) => number,
): [ExportRow, RegisterRecord][] {
	const candidates: { row: ExportRow; record: RegisterRecord; score: number; key: string }[] = [];
	for (const row of rows)
		for (const record of records) {
			const s = score(row, record);
			if (s >= 0) candidates.push({ row, record, score: s, key: contentKey(row) });
		}
	candidates.sort((a, b) => b.score - a.score || a.record.id.localeCompare(b.record.id) || a.key.localeCompare(b.key));
	const usedRows = new Set<ExportRow>();
	const usedRecords = new Set<RegisterRecord>();
	const pairs: [ExportRow, RegisterRecord][] = [];
	for (const c of candidates) {
		if (usedRows.has(c.row) || usedRecords.has(c.record)) continue;
		usedRows.add(c.row);
		usedRecords.add(c.record);
		pairs.push([c.row, c.record]);
	}
	return pairs;
}

/** The id for a new filing: name, state and date, with `-2`, `-3`… when another filing has it. */
export function baseId(row: Pick<ExportRow, 'name' | 'state' | 'submitted'>): string {
	return [nameSlug(row.name), row.state?.toLowerCase(), row.submitted].filter(Boolean).join('-');
}

/**
 * Merges one snapshot's rows into the register. `records` is not modified. Only a complete
 * snapshot (both lists, or one holding everything) finds a filing missing: a partial one says
 * nothing of the filings it does not hold.
 */
export function mergeSnapshot(
	existing: readonly RegisterRecord[],
	rows: readonly ExportRow[],
	snapshot: string,
	options: {
		complete: boolean;
		/** The caller gives up `existing` (a rebuild's working register), so it is changed in place instead of copied. */
		inPlace?: boolean;
	} = { complete: true },
): { records: RegisterRecord[]; report: MergeReport } {
	const report: MergeReport = {
		snapshot,
		rows: rows.length,
		added: [],
		changed: [],
		revised: [],
		archived: [],
		absent: [],
		returned: [],
		renamed: [],
		unchanged: 0,
	};
	const records = options.inPlace ? [...(existing as RegisterRecord[])] : existing.map((r) => structuredClone(r));
	const sorted = [...rows].sort((a, b) => contentKey(a).localeCompare(contentKey(b)));

	// Pass 1: the same name (letters and digits), state and submission date.
	const byGroup = new Map<string, RegisterRecord[]>();
	for (const record of records) {
		for (const key of new Set(namesOf(record).concat(record.name).map(nameKey))) {
			const g = groupKey(key, record.state, record.submitted);
			byGroup.set(g, [...(byGroup.get(g) ?? []), record]);
		}
	}
	const rowGroups = new Map<string, ExportRow[]>();
	for (const row of sorted) {
		const g = groupKey(nameKey(row.name), row.state, row.submitted);
		rowGroups.set(g, [...(rowGroups.get(g) ?? []), row]);
	}
	const matched = new Map<RegisterRecord, ExportRow>();
	const matchedRows = new Set<ExportRow>();
	for (const [g, group] of [...rowGroups].sort(([a], [b]) => a.localeCompare(b))) {
		const candidates = (byGroup.get(g) ?? []).filter((r) => !matched.has(r));
		for (const [row, record] of pairUp(group, candidates, likeness)) {
			matched.set(record, row);
			matchedRows.add(row);
		}
	}

	// Pass 2: a filing renamed between snapshots keeps its state, date and, nearly always, its count.
	const leftRows = sorted.filter((r) => !matchedRows.has(r));
	const leftByDay = new Map<string, RegisterRecord[]>();
	for (const record of records) {
		if (matched.has(record)) continue;
		const d = `${record.state ?? ''}|${record.submitted}`;
		leftByDay.set(d, [...(leftByDay.get(d) ?? []), record]);
	}
	const renameScore = (row: ExportRow, record: RegisterRecord) => {
		const similarity = nameSimilarity(nameKey(row.name), nameKey(record.name));
		const sameCount =
			row.individualsAffected !== null &&
			row.individualsAffected === record.individualsAffected &&
			!PLACEHOLDER_COUNTS.includes(row.individualsAffected);
		if (similarity >= 0.6 || (sameCount && row.entityType === record.entityType && similarity >= 0.3))
			return Math.round(similarity * 10) + likeness(row, record);
		return -1;
	};
	const rowsByDay = new Map<string, ExportRow[]>();
	for (const row of leftRows) {
		const d = `${row.state ?? ''}|${row.submitted}`;
		rowsByDay.set(d, [...(rowsByDay.get(d) ?? []), row]);
	}
	for (const [d, group] of [...rowsByDay].sort(([a], [b]) => a.localeCompare(b))) {
		for (const [row, record] of pairUp(group, leftByDay.get(d) ?? [], renameScore)) {
			matched.set(record, row);
			matchedRows.add(row);
			report.renamed.push({ id: record.id, from: record.name, to: row.name });
		}
	}

	// Filings seen again: record what changed.
	for (const record of records) {
		const row = matched.get(record);
		const last = record.history.at(-1)!;
		if (!row) {
			if (options.complete && !last.absent && record.lastSeen !== snapshot) {
				record.history.push({ snapshot, absent: true, status: NO_LONGER_LISTED });
				record.status = NO_LONGER_LISTED;
				report.absent.push(record.id);
			}
			continue;
		}
		const next = figuresOf(row, record);
		const changes: Partial<RegisterFigures> = {};
		for (const key of REGISTER_FIGURES) if (!same(record[key], next[key])) Object.assign(changes, { [key]: next[key] });
		const changed = Object.keys(changes).length > 0;
		if (changed || last.absent) {
			const observation: RegisterObservation = { snapshot, ...changes };
			// Re-importing the snapshot of the last observation refines it rather than adding another.
			if (last.snapshot === snapshot && !last.absent) Object.assign(last, changes);
			else record.history.push(observation);
		}
		if (last.absent) report.returned.push(record.id);
		if (changed) report.changed.push(record.id);
		else if (!last.absent) report.unchanged++;
		if (changes.individualsAffected !== undefined)
			report.revised.push({
				id: record.id,
				name: next.name,
				snapshot,
				from: record.individualsAffected,
				to: next.individualsAffected,
				placeholder: PLACEHOLDER_COUNTS.includes(record.individualsAffected ?? -1),
			});
		if (record.status === 'under-investigation' && next.status === 'archived') report.archived.push(record.id);
		Object.assign(record, next);
		record.lastSeen = snapshot;
	}

	// Filings seen for the first time get an id: the same content always gets the same id.
	const taken = new Set(records.map((r) => r.id));
	for (const row of sorted) {
		if (matchedRows.has(row)) continue;
		const base = baseId(row);
		let id = base;
		for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
		taken.add(id);
		const figures = figuresOf(row);
		records.push({
			id,
			...figures,
			state: row.state,
			submitted: row.submitted,
			firstSeen: snapshot,
			lastSeen: snapshot,
			history: [{ snapshot, ...figures }],
		});
		report.added.push(id);
	}

	report.revised.sort(
		(a, b) => Math.abs((b.to ?? 0) - (b.from ?? 0)) - Math.abs((a.to ?? 0) - (a.from ?? 0)) || a.id.localeCompare(b.id),
	);
	for (const list of [report.added, report.changed, report.archived, report.absent, report.returned]) list.sort();
	records.sort((a, b) => a.submitted.localeCompare(b.submitted) || a.id.localeCompare(b.id));
	return { records, report };
}

/** Every revision of a filing's count, oldest first, with placeholders marked. */
export function countRevisions(record: RegisterRecord): CountRevision[] {
	const revisions: CountRevision[] = [];
	let count: number | null | undefined;
	for (const o of record.history) {
		if (o.individualsAffected === undefined) continue;
		if (count !== undefined)
			revisions.push({
				id: record.id,
				name: record.name,
				snapshot: o.snapshot,
				from: count,
				to: o.individualsAffected,
				placeholder: PLACEHOLDER_COUNTS.includes(count ?? -1),
			});
		count = o.individualsAffected;
	}
	return revisions;
}

/** Whether the latest export no longer lists the filing. */
export const isAbsent = (record: RegisterRecord) => record.history.at(-1)!.absent === true;

/** The date of the latest snapshot the register holds: the last date any filing was seen. */
export function latestSnapshot(records: readonly RegisterRecord[]): string | undefined {
	let latest: string | undefined;
	for (const r of records) if (latest === undefined || r.lastSeen > latest) latest = r.lastSeen;
	return latest;
}
