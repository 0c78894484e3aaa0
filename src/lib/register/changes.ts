/**
 * What each import of the register changed: the filings it added, and the figures it revised.
 * Derived from the filings' histories, for the "what changed" page and its Atom feed, so that
 * readers can follow the revisions the portal makes without announcing them.
 */
import { REGISTER_FIGURES } from '../../schemas/register.ts';
import type { Filing } from './model.ts';
import { PLACEHOLDER_COUNTS } from './merge.ts';
import { formatCount } from '../format.ts';

/** One change to one filing at one import. */
export interface FilingChange {
	snapshot: string;
	filing: Filing;
	kind: 'added' | 'revised' | 'absent' | 'returned';
	/** An addition at the register's first import: there, every filing is the baseline, not news. */
	baseline?: true;
	/** For a revised count. */
	from?: number | null;
	to?: number | null;
	/** The figures that changed, other than the status and the spelling of the name. */
	fields: string[];
}

/** The changes one import made. */
export interface ImportChanges {
	snapshot: string;
	/** Whether this was the register's first import, whose filings are its baseline, not additions. */
	baseline: boolean;
	changes: FilingChange[];
	/** Filings that moved to the archive and nothing else. */
	archived: number;
}

/** A change's weight in the listing: count revisions first, the largest first; then additions by size. */
const weight = (c: FilingChange) =>
	c.kind === 'revised' && c.to !== undefined
		? 1e12 + Math.abs((c.to ?? 0) - (c.from ?? 0))
		: c.kind === 'added'
			? (c.filing.record.individualsAffected ?? 0)
			: 1e11;

const computed = new WeakMap<readonly Filing[], ImportChanges[]>();

/** Every import's changes, newest import first; computed once per list of filings, which every register page shares. */
export function changesByImport(filings: readonly Filing[]): ImportChanges[] {
	let list = computed.get(filings);
	if (!list) computed.set(filings, (list = deriveChanges(filings)));
	return list;
}

function deriveChanges(filings: readonly Filing[]): ImportChanges[] {
	const imports = new Map<string, ImportChanges>();
	const at = (snapshot: string) => {
		let entry = imports.get(snapshot);
		if (!entry) imports.set(snapshot, (entry = { snapshot, baseline: false, changes: [], archived: 0 }));
		return entry;
	};
	let first: string | undefined;
	for (const f of filings) if (first === undefined || f.record.firstSeen < first) first = f.record.firstSeen;
	for (const filing of filings) {
		const { history } = filing.record;
		const entry = at(history[0]!.snapshot);
		const added: FilingChange = { snapshot: entry.snapshot, filing, kind: 'added', fields: [] };
		if (entry.snapshot === first) added.baseline = true;
		entry.changes.push(added);
		let count = history[0]!.individualsAffected;
		for (let i = 1; i < history.length; i++) {
			const o = history[i]!;
			const e = at(o.snapshot);
			if (o.absent) {
				e.changes.push({ snapshot: o.snapshot, filing, kind: 'absent', fields: [] });
				continue;
			}
			const fields = REGISTER_FIGURES.filter((k) => k !== 'status' && k !== 'name' && o[k] !== undefined);
			const returned = history[i - 1]!.absent === true;
			if (returned || fields.length > 0) {
				const change: FilingChange = { snapshot: o.snapshot, filing, kind: returned ? 'returned' : 'revised', fields };
				if (o.individualsAffected !== undefined) Object.assign(change, { from: count, to: o.individualsAffected });
				e.changes.push(change);
			} else if (o.status === 'archived') e.archived++;
			if (o.individualsAffected !== undefined) count = o.individualsAffected;
		}
	}
	const list = [...imports.values()].sort((a, b) => b.snapshot.localeCompare(a.snapshot));
	for (const entry of list) {
		entry.baseline = entry.snapshot === first;
		entry.changes.sort((a, b) => weight(b) - weight(a) || a.filing.record.id.localeCompare(b.filing.record.id));
	}
	return list;
}

/** How many entries the register's Atom feed carries: a reader fetches the whole file on every poll. */
export const CHANGES_FEED_LIMIT = 200;

/** One import's changes by kind, each list most significant first. */
export function changesByKind(entry: ImportChanges) {
	const { changes } = entry;
	return {
		revised: changes.filter((c) => c.kind === 'revised' || c.kind === 'returned'),
		added: changes.filter((c) => c.kind === 'added'),
		absent: changes.filter((c) => c.kind === 'absent'),
	};
}

/** One import in a sentence: "1,366 filings added, 858 revised, 18 no longer listed, and 814 moved to the archive with nothing else changed." */
export function describeImport(entry: ImportChanges): string {
	const { revised, added, absent } = changesByKind(entry);
	const n = formatCount;
	if (entry.baseline)
		return `The casebook's first import: ${n(added.length)} filings, the baseline every later import is compared with.`;
	return `${n(added.length)} filings added, ${n(revised.length)} revised, ${n(absent.length)} no longer listed, and ${n(entry.archived)} moved to the archive with nothing else changed.`;
}

/** A change in one line, for the page and the feed: "individuals affected 500 → 192,700,000 (placeholder)". */
export function describeChange(change: FilingChange): string {
	const n = (v: number | null | undefined) => (v == null ? 'not given' : formatCount(v));
	switch (change.kind) {
		case 'added':
			// The count as that export showed it: later revisions have entries of their own.
			return `${change.baseline ? 'in the first import' : 'added'}: ${n(change.filing.record.history[0]!.individualsAffected)} individuals, filed ${change.filing.record.submitted}`;
		case 'absent':
			return 'missing from this export';
		default: {
			const parts = change.to !== undefined ? [`individuals affected ${n(change.from)} → ${n(change.to)}`] : [];
			if (change.to !== undefined && PLACEHOLDER_COUNTS.includes(change.from ?? -1))
				parts[0] += ' (the first figure was a placeholder)';
			const others = change.fields.filter((f) => f !== 'individualsAffected').map((f) => FIELD_NAMES[f] ?? f);
			if (others.length) parts.push(`${others.join(', ')} changed`);
			return `${change.kind === 'returned' ? 'listed again; ' : ''}${parts.join('; ') || 'unchanged figures'}`;
		}
	}
}

const FIELD_NAMES: Record<string, string> = {
	entityType: 'entity type',
	breachType: 'type of breach',
	location: 'location',
	businessAssociatePresent: 'business associate',
};

/**
 * The feed's changes, newest import first, at most `limit`: of each import, its revisions and
 * absences and its additions, each most significant first, sharing what room is left half and
 * half (one kind takes what the other leaves), so that new filings are never crowded out by a
 * large batch of revisions, nor revisions by a thousand additions.
 */
export function feedChanges(imports: readonly ImportChanges[], limit = CHANGES_FEED_LIMIT): FilingChange[] {
	const picked: FilingChange[] = [];
	for (const entry of imports) {
		if (entry.baseline) continue;
		const room = limit - picked.length;
		if (room <= 0) break;
		const added = entry.changes.filter((c) => c.kind === 'added');
		const others = entry.changes.filter((c) => c.kind !== 'added');
		const taken = Math.min(others.length, Math.max(Math.ceil(room / 2), room - added.length));
		picked.push(...others.slice(0, taken), ...added.slice(0, room - taken));
	}
	return picked;
}

const indexes = new WeakMap<readonly ImportChanges[], Map<Filing, { change: FilingChange; rank: number }[]>>();

/**
 * Every change to `filings`, newest import first and, within an import, in its order; at most
 * `limit`. The first import's filings are included, as what the register first showed of them.
 */
export function changesOf(imports: readonly ImportChanges[], filings: Iterable<Filing>, limit: number): FilingChange[] {
	// One index per list of imports: a build asks this of every state and organization.
	let index = indexes.get(imports);
	if (!index) {
		index = new Map();
		let rank = 0;
		for (const entry of imports)
			for (const change of entry.changes) {
				const list = index.get(change.filing) ?? [];
				list.push({ change, rank: rank++ });
				index.set(change.filing, list);
			}
		indexes.set(imports, index);
	}
	const picked: { change: FilingChange; rank: number }[] = [];
	for (const filing of filings) picked.push(...(index.get(filing) ?? []));
	return picked
		.sort((a, b) => a.rank - b.rank)
		.slice(0, limit)
		.map((p) => p.change);
}
