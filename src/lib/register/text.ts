/** Sentences about the register that several pages share, so they say the same thing. */
import { formatCount } from '../format.ts';
import { formatPartialDate, partialDate } from '../../schemas/partial-date.ts';
import type { RegisterModel } from './model.ts';
import { REGISTER_FIGURES, type RegisterFigures, type RegisterRecord } from '../../schemas/register.ts';
import { breachTypes, locations, organizationTypes, registerStatuses } from '../../vocabularies.ts';
import { PLACEHOLDER_COUNTS } from './merge.ts';

/** What the register is and covers, in two sentences. */
export function registerDescription(model: RegisterModel): string {
	const asOf = model.snapshot ? ` as exported on ${formatPartialDate(partialDate(model.snapshot))}` : '';
	return `Every breach of unsecured health information that HIPAA-covered entities and their business associates reported to the HHS Office for Civil Rights because it affected 500 or more people, since October 2009: ${formatCount(model.filings.length)} filings${asOf}. Figures are as reported, and the casebook keeps every revision it has seen.`;
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
