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
import { breachTypes, locations, organizationTypes, registerStatuses, usStates } from '../../vocabularies.ts';
import { PLACEHOLDER_COUNTS } from './merge.ts';

/** What the register is and covers, in two sentences. */
export function registerDescription(model: RegisterModel): string {
	const asOf = model.snapshot ? ` as exported on ${formatPartialDate(partialDate(model.snapshot))}` : '';
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
	changes: string[];
}

const VALUE: { [K in keyof RegisterFigures]-?: (v: RegisterFigures[K]) => string } = {
	name: (v) => `“${v}”`,
	entityType: (v) => (v ? organizationTypes.terms[v].label : 'not given'),
	individualsAffected: (v) => (v === null ? 'not given' : formatCount(v)),
	breachType: (v) => v.map((t) => breachTypes.terms[t].label).join(', ') || 'not given',
	location: (v) => v.map((t) => locations.terms[t].label).join(', ') || 'not given',
	businessAssociatePresent: (v) => (v ? 'present' : 'not present'),
	status: (v) => registerStatuses.terms[v].label,
};
const FIELD: Record<keyof RegisterFigures, string> = {
	name: 'name',
	entityType: 'entity type',
	individualsAffected: 'individuals affected',
	breachType: 'type of breach',
	location: 'location',
	businessAssociatePresent: 'business associate',
	status: 'status',
};

/** A filing's history, oldest first, as sentences: the first export's figures, then each change. */
export function historyLines(record: RegisterRecord): HistoryLine[] {
	let current: Partial<RegisterFigures> = {};
	return record.history.map((o, i) => {
		if (o.absent) return { snapshot: o.snapshot, changes: ['missing from this export'] };
		const changes: string[] = [];
		if (i === 0)
			changes.push(
				`first seen: ${VALUE.individualsAffected(o.individualsAffected ?? null)} individuals, ${VALUE.status(o.status!)}`,
			);
		else {
			if (record.history[i - 1]!.absent) changes.push('listed again');
			for (const key of REGISTER_FIGURES) {
				if (o[key] === undefined) continue;
				const show = VALUE[key] as (v: unknown) => string;
				const placeholder =
					key === 'individualsAffected' && PLACEHOLDER_COUNTS.includes((current.individualsAffected ?? -1) as number)
						? ' (the first figure was a placeholder)'
						: '';
				changes.push(`${FIELD[key]}: ${show(current[key])} → ${show(o[key])}${placeholder}`);
			}
		}
		current = {
			...current,
			...Object.fromEntries(REGISTER_FIGURES.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])),
		};
		return { snapshot: o.snapshot, changes };
	});
}
