/** Sentences about the register that several pages share, so they say the same thing. */
import { formatCount } from '../format.ts';
import { formatPartialDate, partialDate } from '../../schemas/partial-date.ts';
import type { RegisterModel } from './model.ts';
import { REGISTER_FIGURES, type RegisterFigures, type RegisterRecord } from '../../schemas/register.ts';
import { breachTypes, locations, organizationTypes, registerStatuses } from '../../vocabularies.ts';
import { PLACEHOLDER_COUNTS } from './merge.ts';
import { exportDateOf, formatExportDate, type ExportDates } from './export-dates.ts';
import type { ExportDate } from '../../schemas/register.ts';

/** What the register is and covers, in two sentences. */
export function registerDescription(model: RegisterModel): string {
	const asOf = model.snapshot ? ` as exported on ${formatPartialDate(partialDate(model.snapshot.slice(0, 10)))}` : '';
	return `Every breach of unsecured health information that HIPAA-covered entities and their business associates reported to the HHS Office for Civil Rights because it affected 500 or more people, since October 2009: ${formatCount(model.filings.length)} filings${asOf}. Figures are as reported, and the casebook keeps every revision it has seen.`;
}

/** One line of a filing's history as the site shows it: what an export showed that the one before did not. */
export interface HistoryLine {
	snapshot: string;
	/** When the snapshot was exported, as known. */
	exported: ExportDate;
	changes: string[];
}

const VALUE: { [K in keyof RegisterFigures]-?: (v: RegisterFigures[K]) => string } = {
	name: (v) => `“${v}”`,
	entityType: (v) => (v ? organizationTypes.terms[v].label : 'not given'),
	individualsAffected: (v) => (v === null ? 'not given' : formatCount(v)),
	breachType: (v) => v.map((t) => breachTypes.terms[t].label).join(', ') || 'not given',
	location: (v) => v.map((t) => locations.terms[t].label).join(', ') || 'not given',
	businessAssociatePresent: (v) => (v ? 'present' : 'not present'),
	status: (v) => (v ? registerStatuses.terms[v].label : 'list not given'),
};
/** A filing's status for readers: the list it was last seen on, or that it is no longer listed. */
export const statusLabel = (status: RegisterFigures['status']) =>
	status ? registerStatuses.terms[status].label : 'Not given (one list held everything)';

const FIELD: Record<keyof RegisterFigures, string> = {
	name: 'name',
	entityType: 'entity type',
	individualsAffected: 'individuals affected',
	breachType: 'type of breach',
	location: 'location',
	businessAssociatePresent: 'business associate',
	status: 'status',
};

/**
 * A filing's history, oldest first, as sentences: the first export's figures, then each change,
 * each with its export date (from `dates`, the import log's; a snapshot it lacks is taken at its own date).
 */
export function historyLines(record: RegisterRecord, dates: ExportDates = new Map()): HistoryLine[] {
	let current: Partial<RegisterFigures> = {};
	return record.history.map((o, i) => {
		const exported = exportDateOf(o.snapshot, dates);
		if (o.absent)
			return { snapshot: o.snapshot, exported, changes: ['missing from this complete export: no longer listed'] };
		const changes: string[] = [];
		if (i === 0)
			changes.push(
				`first seen: ${VALUE.individualsAffected(o.individualsAffected ?? null)} individuals${o.status ? `, ${VALUE.status(o.status)}` : ''}${o.name && o.name !== record.name ? `, as “${o.name}”` : ''}`,
			);
		else {
			if (record.history[i - 1]!.absent) changes.push('listed again');
			for (const key of REGISTER_FIGURES) {
				// A list of everything says nothing of the status: not worth a line until a list does.
				if (o[key] === undefined || (key === 'status' && o.status === null && !current.status)) continue;
				const show = VALUE[key] as (v: unknown) => string;
				const placeholder =
					key === 'individualsAffected' && PLACEHOLDER_COUNTS.includes((current.individualsAffected ?? -1) as number)
						? ' (the first figure was a placeholder)'
						: '';
				if (current[key] === undefined || (key === 'status' && current.status === null))
					changes.push(`${FIELD[key]}: ${show(o[key])}`);
				else changes.push(`${FIELD[key]}: ${show(current[key])} → ${show(o[key])}${placeholder}`);
			}
		}
		current = {
			...current,
			...Object.fromEntries(REGISTER_FIGURES.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])),
		};
		return { snapshot: o.snapshot, exported, changes };
	});
}

/** "exported between 2 and 9 April 2025": when a snapshot's export was made, as known. */
export const exportedText = (snapshot: string, dates: ExportDates) =>
	`exported ${formatExportDate(exportDateOf(snapshot, dates))}`;

/** A filing's status as its page says it: the list, or that it is no longer listed and since when. */
export function statusText(record: RegisterRecord, dates: ExportDates): string {
	const label = statusLabel(record.status);
	if (record.status !== 'no-longer-listed') return label;
	return `${label}: missing from the latest complete export; last seen in the export of ${record.lastSeen}, ${exportedText(record.lastSeen, dates)}`;
}

/** A party the old portal's list named (covered entity, business associate), with the export that named it. */
export const partyText = (party: { name: string; snapshot: string }, dates: ExportDates) =>
	`${party.name} (as named by the export of ${party.snapshot}, ${exportedText(party.snapshot, dates)})`;
