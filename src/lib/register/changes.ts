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

/** Every import's changes, newest import first. */
export function changesByImport(filings: readonly Filing[]): ImportChanges[] {
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
		if (history[0]!.snapshot !== first)
			entry.changes.push({ snapshot: entry.snapshot, filing, kind: 'added', fields: [] });
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

/** How many changes the Atom feed carries: a reader fetches the whole file on every poll. */
export const CHANGES_FEED_LIMIT = 200;

/** A change in one line, for the page and the feed: "individuals affected 500 → 192,700,000 (placeholder)". */
export function describeChange(change: FilingChange): string {
	const n = (v: number | null | undefined) => (v == null ? 'not given' : formatCount(v));
	switch (change.kind) {
		case 'added':
			return `added: ${n(change.filing.record.individualsAffected)} individuals, filed ${change.filing.record.submitted}`;
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

/** The feed's changes: the newest imports' additions, revisions and absences, most significant first, at most CHANGES_FEED_LIMIT. */
export function feedChanges(imports: readonly ImportChanges[]): FilingChange[] {
	return imports
		.filter((i) => !i.baseline)
		.flatMap((i) => i.changes)
		.slice(0, CHANGES_FEED_LIMIT);
}
