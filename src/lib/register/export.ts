/**
 * The register as open data: the JSON API, the two CSV files (one row per filing, and one row per
 * filing per import, which a spreadsheet can filter), all derived from the register model.
 */
import { z } from 'astro/zod';
import { REGISTER_FIGURES, registerRecordObjectSchema, type RegisterFigures } from '../../schemas/register.ts';
import { breachTypes, locations, organizationTypes, registerStatuses } from '../../vocabularies.ts';
import { absoluteUrl, incidentPath, organizationPath, registerPath, type SiteRoot } from '../urls.ts';
import type { Filing } from './model.ts';
import { csvFile } from '../csv.ts';

const link = z.strictObject({
	slug: z.string().describe('The permanent id of the page.'),
	url: z.string().describe('Its canonical URL.'),
});

/** One filing in `api/register.json`: the record as imported, with its links. */
export const apiFilingSchema = registerRecordObjectSchema
	.extend({
		url: z.string().describe('The canonical URL of its page.'),
		placeholder: z.boolean().describe('The count was first filed as a 500 or 501 placeholder and revised later.'),
		absent: z.boolean().describe('Missing from the latest export.'),
		organization: link.describe('The organization page that lists it.'),
		caseStudies: z.array(link).describe('The case studies that name it.'),
	})
	.strict();

/** The whole of `api/register.json`. */
export const apiRegisterSchema = z
	.object({
		schemaVersion: z.string(),
		generated: z.string().describe('When this file was built (ISO 8601).'),
		snapshot: z.string().nullable().describe('The date of the latest export imported, YYYY-MM-DD.'),
		count: z.number().int(),
		filings: z.array(apiFilingSchema).describe('Newest submission first.'),
	})
	.strict();

/** One filing as served by the API. */
export type ApiFiling = z.input<typeof apiFilingSchema>;
/** `api/register.json`. */
export type ApiRegister = z.input<typeof apiRegisterSchema>;

/** One filing in `api/register.json`: the record as imported, with its links. */
export function apiFiling(filing: Filing, site: SiteRoot): ApiFiling {
	return {
		...filing.record,
		url: absoluteUrl(registerPath(filing.record.id), site),
		placeholder: filing.placeholder,
		absent: filing.absent,
		organization: { slug: filing.organization, url: absoluteUrl(organizationPath(filing.organization), site) },
		caseStudies: filing.caseStudies.map((i) => ({ slug: i.slug, url: absoluteUrl(incidentPath(i.slug), site) })),
	};
}

const label = <K extends string>(v: { terms: Record<K, { label: string }> }, keys: readonly K[]) =>
	keys.map((k) => v.terms[k].label).join('; ');

/** The figures as text for a CSV cell: the portal's own labels, `; ` between several, empty for unknown. */
function figureCells(f: Partial<RegisterFigures>) {
	return {
		name: f.name ?? '',
		entity_type: f.entityType ? organizationTypes.terms[f.entityType].label : '',
		individuals_affected: f.individualsAffected == null ? '' : String(f.individualsAffected),
		type_of_breach: f.breachType ? label(breachTypes, f.breachType) : '',
		location: f.location ? label(locations, f.location) : '',
		business_associate_present:
			f.businessAssociatePresent === undefined ? '' : f.businessAssociatePresent ? 'Yes' : 'No',
		status: f.status ? registerStatuses.terms[f.status].label : '',
	};
}

/** Columns of `data/register.csv`: one row per filing, its current figures and how they were revised. */
export const REGISTER_CSV_COLUMNS = [
	'id',
	'url',
	'name',
	'state',
	'entity_type',
	'individuals_affected',
	'submitted',
	'type_of_breach',
	'location',
	'business_associate_present',
	'status',
	'first_seen',
	'last_seen',
	'absent_from_latest',
	'first_individuals_affected',
	'count_revisions',
	'placeholder',
	'organization',
	'case_studies',
] as const;

/** One row of `data/register.csv`. */
export function registerCsvRow(filing: Filing, site: SiteRoot): Record<(typeof REGISTER_CSV_COLUMNS)[number], string> {
	const { record } = filing;
	const first = record.history[0]!.individualsAffected;
	return {
		id: record.id,
		url: absoluteUrl(registerPath(record.id), site),
		...figureCells(record),
		state: record.state ?? '',
		submitted: record.submitted,
		first_seen: record.firstSeen,
		last_seen: record.lastSeen,
		absent_from_latest: filing.absent ? 'Yes' : 'No',
		first_individuals_affected: first == null ? '' : String(first),
		count_revisions: String(filing.revisions.length),
		placeholder: filing.placeholder ? 'Yes' : 'No',
		organization: filing.organization,
		case_studies: filing.caseStudies.map((i) => i.slug).join('; '),
	};
}

/** Columns of `data/register-history.csv`: one row per filing per import that changed it, with every figure as it then stood. */
export const REGISTER_HISTORY_CSV_COLUMNS = [
	'id',
	'snapshot',
	'listed',
	'name',
	'entity_type',
	'individuals_affected',
	'type_of_breach',
	'location',
	'business_associate_present',
	'status',
	'changed',
] as const;

/** The rows of `data/register-history.csv` for one filing, oldest first. */
export function registerHistoryRows(filing: Filing): Record<(typeof REGISTER_HISTORY_CSV_COLUMNS)[number], string>[] {
	let current: Partial<RegisterFigures> = {};
	return filing.record.history.map((o) => {
		const changed = REGISTER_FIGURES.filter((k) => o[k] !== undefined);
		if (!o.absent) current = { ...current, ...Object.fromEntries(changed.map((k) => [k, o[k]])) };
		return {
			id: filing.record.id,
			snapshot: o.snapshot,
			listed: o.absent ? 'No' : 'Yes',
			...figureCells(current),
			changed: o.absent ? '' : changed.join('; '),
		};
	});
}

/** `data/register.csv`: one row per filing, in the order given (the register's, newest first). */
export function registerCsv(filings: readonly Filing[], site: SiteRoot): string {
	return csvFile(
		REGISTER_CSV_COLUMNS,
		filings.map((f) => {
			const row = registerCsvRow(f, site);
			return REGISTER_CSV_COLUMNS.map((c) => row[c]);
		}),
	);
}

/** `data/register-history.csv`: one row per filing per import that changed it. */
export function registerHistoryCsv(filings: readonly Filing[]): string {
	return csvFile(
		REGISTER_HISTORY_CSV_COLUMNS,
		filings.flatMap(registerHistoryRows).map((row) => REGISTER_HISTORY_CSV_COLUMNS.map((c) => row[c])),
	);
}
