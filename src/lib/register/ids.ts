/**
 * Ids never change. A rebuild replays every snapshot from the start and names filings afresh;
 * this gives each rebuilt filing the id that the register already gave it. Two filings are the
 * same when they showed the same figures, state and submission date at every snapshot that the
 * register had imported before (the portal has no ids of its own to compare). A filing that the
 * register did not hold keeps the id the rebuild gave it, or the next free `-2`, `-3`…
 */
import { REGISTER_FIGURES, type RegisterRecord } from '../../schemas/register.ts';

/** What a filing showed at each of `snapshots` (in order), as one comparable string. */
export function signature(
	record: RegisterRecord,
	snapshots: readonly string[],
	rank: ReadonlyMap<string, number>,
): string {
	const states: unknown[] = [];
	let h = 0;
	const current: Record<string, unknown> = {};
	let listed = false;
	for (const snapshot of snapshots) {
		const r = rank.get(snapshot)!;
		while (h < record.history.length && (rank.get(record.history[h]!.snapshot) ?? -1) <= r) {
			const o = record.history[h++]!;
			listed = !o.absent;
			for (const key of REGISTER_FIGURES) if (o[key] !== undefined) current[key] = o[key];
		}
		const shown = REGISTER_FIGURES.filter((k) => k !== 'status' && k !== 'name').map((k) =>
			Array.isArray(current[k]) ? [...(current[k] as string[])].sort() : current[k],
		);
		states.push(listed ? shown : null);
	}
	return JSON.stringify([record.state, record.submitted, states]);
}

/** Ids of the existing register that the rebuild could not find, with what each showed; empty when every id carried over. */
export interface IdCarryOver {
	records: RegisterRecord[];
	lost: string[];
	/** Each rebuilt record's working id → its final id. */
	idOf: Map<string, string>;
}

/**
 * Gives the rebuilt records the ids of `existing`. `snapshots` are the snapshots both registers
 * imported, and `rank` orders every snapshot of the rebuild.
 */
export function carryOverIds(
	rebuilt: readonly RegisterRecord[],
	existing: readonly RegisterRecord[],
	snapshots: readonly string[],
	rank: ReadonlyMap<string, number>,
): IdCarryOver {
	const ordered = [...snapshots].sort((a, b) => rank.get(a)! - rank.get(b)!);
	const bucket = (records: readonly RegisterRecord[]) => {
		const map = new Map<string, RegisterRecord[]>();
		for (const r of [...records].sort((a, b) => a.id.localeCompare(b.id))) {
			const key = signature(r, ordered, rank);
			map.set(key, [...(map.get(key) ?? []), r]);
		}
		return map;
	};
	const old = bucket(existing);
	const fresh = bucket(rebuilt);
	const idOf = new Map<RegisterRecord, string>();
	const lost: string[] = [];
	for (const [key, olds] of old) {
		const news = fresh.get(key) ?? [];
		olds.forEach((o, i) => {
			const n = news[i];
			if (n) idOf.set(n, o.id);
			else lost.push(o.id);
		});
	}
	const taken = new Set(existing.map((r) => r.id));
	const finalIds = new Map<string, string>();
	const records = [...rebuilt]
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((r) => {
			let id = idOf.get(r);
			if (id === undefined) {
				const base = r.id.replace(/(\d{4}-\d{2}-\d{2})-\d+$/, '$1');
				id = r.id;
				for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
				taken.add(id);
			}
			finalIds.set(r.id, id);
			return { ...r, id };
		});
	records.sort((a, b) => a.submitted.localeCompare(b.submitted) || a.id.localeCompare(b.id));
	return { records, lost: lost.sort(), idOf: finalIds };
}
