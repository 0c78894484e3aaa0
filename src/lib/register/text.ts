/** Sentences about the register that several pages share, so they say the same thing. */
import {
	CASE_STUDY,
	DAY,
	EXPORT,
	FILING,
	formatCount,
	formatCountShort,
	formatNumber,
	formatShare,
} from '../format.ts';
import { formatPartialDate, partialDate } from '../../schemas/partial-date.ts';
import type { Organization, RegisterModel } from './model.ts';
import type { businessAssociateShare, revisionCensus } from './census.ts';
import type { placeholderLifetimes } from './revisions.ts';
import { REGISTER_FIGURES, type RegisterFigures, type RegisterRecord } from '../../schemas/register.ts';
import {
	breachTypes,
	locations,
	organizationTypes,
	registerStatuses,
	termLabels,
	usStates,
} from '../../vocabularies.ts';
import { PLACEHOLDER_COUNTS } from './merge.ts';
import { exportDateOf, formatExportDate, snapshotDayText, type ExportDates } from './export-dates.ts';
import type { ExportDate } from '../../schemas/register.ts';

/** What the register is and covers, in two sentences. */
export function registerDescription(model: RegisterModel): string {
	const asOf = model.snapshot ? ` as exported on ${snapshotDayText(model.snapshot)}` : '';
	return `Every breach of unsecured health information that HIPAA-covered entities and their business associates reported to the HHS Office for Civil Rights because it affected 500 or more people, since October 2009: ${formatCount(model.filings.length)} filings${asOf}. Figures are as reported, and the casebook keeps every revision it has seen.`;
}

/** A filing in one sentence: who reported a breach of how many people, and when. */
export function filingDescription(record: RegisterRecord): string {
	const count = record.individualsAffected === null ? 'an unknown number of' : formatCount(record.individualsAffected);
	const state = record.state ? ` (${usStates[record.state]})` : '';
	return `${record.name}${state} reported a breach affecting ${count} people to the HHS Office for Civil Rights on ${formatPartialDate(partialDate(record.submitted))}.`;
}

/** An organization's filings and case studies, counted: "3 filings, 1 case study"; "1 filing". */
export function organizationCounts(organization: Pick<Organization, 'filings' | 'caseStudies'>): string {
	const { filings, caseStudies } = organization;
	return [
		formatCount(filings.length, FILING),
		caseStudies.length > 0 ? formatCount(caseStudies.length, CASE_STUDY) : '',
	]
		.filter(Boolean)
		.join(', ');
}

/** How many filings reported a business associate, and how many people they account for. */
export function businessAssociateSentence(ba: ReturnType<typeof businessAssociateShare>): string {
	return `A business associate, a vendor handling health information for a covered entity, was present in ${formatCount(ba.filings.part)} of ${formatCount(ba.filings.of)} filings (${formatShare(ba.filings.part, ba.filings.of)}), which account for ${formatCountShort(ba.individuals.part)} of ${formatCountShort(ba.individuals.of)} individuals affected (${formatShare(ba.individuals.part, ba.individuals.of)}).`;
}

/** How often and how far the register's counts have been revised, in a few sentences. */
export function revisionsSentence(revisions: ReturnType<typeof revisionCensus>): string {
	const factor = revisions.medianFactor === undefined ? undefined : formatNumber(revisions.medianFactor, 2);
	return [
		`Of the ${formatCount(revisions.seenTwice)} filings that the casebook has seen in more than one export, ${formatCount(revisions.revised)} had their count revised: ${formatCount(revisions.upward)} times upward and ${formatCount(revisions.downward)} downward.`,
		`${formatCount(revisions.placeholders)} began as a placeholder of 500 or 501 people.`,
		factor ? `The median revision multiplied the count by ${factor}.` : '',
		`${formatCount(revisions.absent)} filings are missing from the latest export. The portal itself keeps none of this history.`,
	]
		.filter(Boolean)
		.join(' ');
}

/** How many exports the casebook holds, and their span. */
export function snapshotsSentence(snapshots: readonly string[]): string {
	return snapshots.length > 0
		? `The casebook holds ${formatCount(snapshots.length, EXPORT)} of the portal, from ${snapshots[0]} to ${snapshots.at(-1)}.`
		: 'The casebook holds no export of the portal yet.';
}

/** How long placeholders of 500 or 501 lasted before a real count, and how long the rest have waited. */
export function placeholderLifetimeSentence(lifetimes: ReturnType<typeof placeholderLifetimes>): string {
	const days = (n: number) => formatCount(Math.round(n), DAY);
	return [
		`${formatCount(lifetimes.replaced)} filings first seen at a placeholder of 500 or 501 people later showed a real count${lifetimes.medianReplaced === undefined ? '.' : `, a median ${days(lifetimes.medianReplaced)} after they were filed.`}`,
		`${formatCount(lifetimes.waiting)} filings are still at 500 or 501${lifetimes.medianWaiting === undefined ? '.' : `, a median ${days(lifetimes.medianWaiting)} after they were filed.`}`,
		'A real count is dated by the first export that showed it: it may have come in at any time since the export before, so these times are upper bounds, as exact as the exports are frequent.',
	].join(' ');
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
	breachType: (v) => termLabels(breachTypes, v) || 'not given',
	location: (v) => termLabels(locations, v) || 'not given',
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
				`first seen: ${o.individualsAffected == null ? 'count not given' : `${formatCount(o.individualsAffected)} individuals`}${o.status ? `, ${VALUE.status(o.status)}` : ''}${o.name && o.name !== record.name ? `, as “${o.name}”` : ''}`,
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
