/**
 * The rules that tie case studies to the register: every filing a case study names exists, and
 * its count agrees with the regulator's current figure, or the case study says why it does not.
 * The content check runs these over the whole casebook (`npm run check`; `--strict` makes drift
 * an error).
 */
import type { IncidentData } from '../../schemas/incident.ts';
import type { RegisterRecord } from '../../schemas/register.ts';
import { closestMatch } from '../../schemas/suggest.ts';
import { formatCount } from '../format.ts';
import type { Filing } from './model.ts';

/** One case study as the register rules need it. */
export interface LinkedFile {
	file: string;
	data?: IncidentData;
	/** Line of each top-level key. */
	keyLines: Map<string, number>;
}

/** A problem the register rules found; `drift` problems are warnings unless the check is strict. */
export interface RegisterProblem {
	file: string;
	line: number;
	field: string;
	message: string;
	kind: 'error' | 'drift';
}

/** The figures that count as a revision of a filing; a move to the archive or a new spelling does not. */
const REVISED: readonly (keyof RegisterRecord)[] = ['individualsAffected', 'breachType', 'location', 'entityType'];

/** The date of the last snapshot that revised a filing's figures, or undefined if none has since its first. */
export function lastRevision(record: RegisterRecord): string | undefined {
	for (let i = record.history.length - 1; i > 0; i--) {
		const o = record.history[i]!;
		if (REVISED.some((key) => (o as Record<string, unknown>)[key] !== undefined)) return o.snapshot;
	}
	return undefined;
}

/** Whether the portal's latest export still lists a filing. */
const stillListed = (record: RegisterRecord): boolean => !record.history.at(-1)!.absent;

/**
 * The sum of the linked filings' current counts, or null when any of them has none. A filing the
 * portal no longer lists (withdrawn, or listed again under another name and date) is not part of
 * the register's current figure, so it does not count: the same breach listed twice is counted once.
 */
export function registerTotal(records: readonly RegisterRecord[]): number | null {
	let total = 0;
	for (const r of records.filter(stillListed)) {
		if (r.individualsAffected === null) return null;
		total += r.individualsAffected;
	}
	return total;
}

/** Checks every case study's `register` field against the register's records. */
export function checkRegisterLinks(
	files: readonly LinkedFile[],
	records: ReadonlyMap<string, RegisterRecord>,
	latestSnapshot: string | undefined,
): RegisterProblem[] {
	const problems: RegisterProblem[] = [];
	let ids: string[] | undefined;
	for (const f of files) {
		const link = f.data?.register;
		if (!f.data || !link?.filings) continue;
		const line = f.keyLines.get('register') ?? 1;
		const add = (field: string, message: string, kind: RegisterProblem['kind']) =>
			problems.push({ file: f.file, line, field, message, kind });
		const linked: RegisterRecord[] = [];
		link.filings.forEach((id, i) => {
			const record = records.get(id);
			if (record) {
				linked.push(record);
				return;
			}
			ids ??= [...records.keys()];
			const guess = closestMatch(id, ids);
			add(
				`register.filings[${i}]`,
				`unknown register record "${id}"${guess ? `; did you mean "${guess}"?` : ''} (expected an id from content/register/filings.json; docs/REGISTER.md says how ids are made)`,
				'error',
			);
		});
		if (linked.length !== link.filings.length) continue;

		for (const record of linked) {
			if (!stillListed(record) && link.note === undefined)
				add(
					'register.filings',
					`"${record.id}" is missing from the latest export (${latestSnapshot}); it was last seen on ${record.lastSeen} (expected a filing the portal still lists, or register.note saying why it is no longer listed)`,
					'drift',
				);
			const revised = lastRevision(record);
			const checked = f.data.updated ?? f.data.added;
			if (revised && revised > checked)
				add(
					'updated',
					`the register revised "${record.id}" on ${revised}, after this case study was last updated (${checked}) (expected the case study checked against the filing, then \`updated: ${revised}\` or later)`,
					'drift',
				);
		}
		const total = registerTotal(linked);
		const count = f.data.individualsAffected.count;
		if (total === null || count === total) continue;
		const asOf = latestSnapshot ? ` as of ${latestSnapshot}` : '';
		const register = `${formatCount(total)} (${linked.map((r) => r.id).join(' + ')}${asOf})`;
		const differs = link.countDiffers;
		if (differs && differs.registerCount === total) continue;
		add(
			differs ? 'register.countDiffers.registerCount' : 'individualsAffected.count',
			differs
				? `explains a register figure of ${formatCount(differs.registerCount)}, but the register now shows ${register} (expected the case study reviewed against the new figure, and registerCount: ${total})`
				: `${count === null ? 'unknown' : formatCount(count)} differs from the register's ${register} (expected the register's figure, or register.countDiffers with the reason and a source)`,
			'drift',
		);
	}
	return problems;
}

/** What a case page shows of the register: the linked filings with their history, or why there are none. */
export interface RegisterLinkView {
	filings: Filing[];
	/** The linked filings' current total, or null when unknown or when there are none. */
	total: number | null;
	/** Whether the case study's own count differs from `total`. */
	differs: boolean;
}

/** The register as a case study's page shows it, from the register model's filings by id. */
export function registerLinkView(data: IncidentData, filings: ReadonlyMap<string, Filing>): RegisterLinkView {
	const linked = (data.register.filings ?? []).flatMap((id) => filings.get(id) ?? []);
	const total = linked.length > 0 ? registerTotal(linked.map((f) => f.record)) : null;
	return {
		filings: linked,
		total,
		differs: total !== null && total !== data.individualsAffected.count,
	};
}
