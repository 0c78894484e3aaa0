/**
 * The old portal's list (2014) named the business associate involved in a breach, a column the
 * portal dropped in 2015, when it also re-listed many early filings under the vendor's name
 * instead of the covered entity's (South Shore Hospital's 800,000 under Iron Mountain). The old
 * list has no submission date, so its rows cannot be merged like an export's: each is matched to
 * a filing only where the match is certain, and left unmatched, and listed, where it is not.
 *
 * A row and a filing match when all of these hold, and when the row has exactly one such filing
 * and the filing exactly one such row:
 * - the same number of individuals, a number the filing has shown in some export;
 * - the filing was submitted on or after the breach began and on or before the row was posted;
 * - the filing's name (any spelling it has had) is the covered entity's, in the same state, or is
 *   the business associate's (the vendor filed, from its own state).
 * Names are alike when their letters and digits are equal, one begins with the other (the old
 * list cut long names), or they are close (nameSimilarity ≥ 0.8).
 */
import type { RegisterObservation, RegisterRecord } from '../../schemas/register.ts';
import type { OldPortalRow } from './read-hhs-export.ts';
import { namesOf } from './merge.ts';
import { nameKey, nameSimilarity } from './names.ts';

/** How close two names must be to count as one entity's. */
const SAME_NAME = 0.8;

/** A row of the old list and the filing it identifies. */
export interface OldPortalMatch {
	row: OldPortalRow;
	record: RegisterRecord;
	/** Whose name the filing is listed under: the covered entity's or the business associate's. */
	listedAs: 'covered-entity' | 'business-associate';
}

/** A row left unmatched, and why. */
export interface OldPortalMiss {
	row: OldPortalRow;
	reason: string;
}

function alike(a: string, b: string): boolean {
	const [x, y] = [nameKey(a), nameKey(b)];
	if (!x || !y) return false;
	if (x === y) return true;
	if (Math.min(x.length, y.length) >= 12 && (x.startsWith(y) || y.startsWith(x))) return true;
	return nameSimilarity(x, y) >= SAME_NAME;
}

/** Every count a filing has shown. */
function countsOf(record: RegisterRecord): Set<number> {
	const counts = new Set<number>();
	for (const o of record.history) if (typeof o.individualsAffected === 'number') counts.add(o.individualsAffected);
	return counts;
}

/** How a row could be this filing, or undefined when it cannot. */
function candidacy(row: OldPortalRow, record: RegisterRecord): OldPortalMatch['listedAs'] | undefined {
	if (row.individualsAffected === null || !countsOf(record).has(row.individualsAffected)) return undefined;
	if (record.submitted > row.posted || (row.breachStart && record.submitted < row.breachStart)) return undefined;
	const names = namesOf(record).concat(record.name);
	if (record.state && record.state === row.state && names.some((n) => alike(n, row.name))) return 'covered-entity';
	if (row.businessAssociate && names.some((n) => alike(n, row.businessAssociate!))) return 'business-associate';
	return undefined;
}

/** Matches the old list's rows to filings, where certain. */
export function matchOldPortal(
	records: readonly RegisterRecord[],
	rows: readonly OldPortalRow[],
): { matches: OldPortalMatch[]; unmatched: OldPortalMiss[] } {
	const byCount = new Map<number, RegisterRecord[]>();
	for (const record of records)
		for (const count of countsOf(record)) byCount.set(count, [...(byCount.get(count) ?? []), record]);
	const candidates = new Map<OldPortalRow, { record: RegisterRecord; listedAs: OldPortalMatch['listedAs'] }[]>();
	const rowsOf = new Map<RegisterRecord, OldPortalRow[]>();
	for (const row of rows) {
		const found = (byCount.get(row.individualsAffected ?? -1) ?? []).flatMap((record) => {
			const listedAs = candidacy(row, record);
			return listedAs ? [{ record, listedAs }] : [];
		});
		candidates.set(row, found);
		for (const { record } of found) rowsOf.set(record, [...(rowsOf.get(record) ?? []), row]);
	}
	const matches: OldPortalMatch[] = [];
	const unmatched: OldPortalMiss[] = [];
	for (const row of rows) {
		const found = candidates.get(row)!;
		if (found.length === 1 && rowsOf.get(found[0]!.record)!.length === 1)
			matches.push({ row, record: found[0]!.record, listedAs: found[0]!.listedAs });
		else
			unmatched.push({
				row,
				reason:
					found.length === 0
						? row.individualsAffected === null
							? 'no count to match on'
							: 'no filing with this count, state or business associate, and dates'
						: found.length > 1
							? `${found.length} filings fit: ${found.map((f) => f.record.id).join(', ')}`
							: `another row of the old list fits the same filing, ${found[0]!.record.id}`,
			});
	}
	return { matches, unmatched };
}

/**
 * Records a match on its filing: the covered entity and the business associate as facts, and the
 * old list's figures as the first observation of the history, before the filing's first export.
 */
export function applyOldPortalMatch(record: RegisterRecord, match: OldPortalMatch, snapshot: string): void {
	const { row } = match;
	record.coveredEntity = { name: row.name, snapshot };
	if (row.businessAssociate) record.businessAssociate = { name: row.businessAssociate, snapshot };
	const first: RegisterObservation = {
		snapshot,
		name: row.name,
		individualsAffected: row.individualsAffected,
		breachType: row.breachType,
		location: row.location,
		businessAssociatePresent: row.businessAssociate !== null,
	};
	// The filing's first export now follows this observation, and holds only what it changed.
	const next = record.history[0]!;
	for (const key of ['name', 'individualsAffected', 'businessAssociatePresent'] as const)
		if (next[key] === first[key]) delete next[key];
	for (const key of ['breachType', 'location'] as const)
		if (next[key] && JSON.stringify([...next[key]!].sort()) === JSON.stringify([...first[key]!].sort())) {
			first[key] = next[key] as never;
			delete next[key];
		}
	record.history.unshift(first);
	record.firstSeen = snapshot;
}
