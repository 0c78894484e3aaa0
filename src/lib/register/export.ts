/**
 * The register as open data: the JSON API, the two CSV files (one row per filing, and one row per
 * filing per import, which a spreadsheet can filter), all derived from the register model.
 */
import { z } from 'astro/zod';
import { REGISTER_FIGURES, registerRecordObjectSchema, type RegisterFigures } from '../../schemas/register.ts';
import { breachTypes, locations, organizationTypes, registerStatuses, termLabels } from '../../vocabularies.ts';
import { absoluteUrl, incidentPath, organizationPath, registerPath, type SiteRoot } from '../urls.ts';
import type { Filing } from './model.ts';
import { csvFile } from '../csv.ts';
import type { DataColumn } from '../open-data.ts';

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
	termLabels(v, keys, '; ');

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

/** What each column of `data/register.csv` holds: the data dictionary on /data/. */
const REGISTER_CSV_DESCRIPTIONS: Record<(typeof REGISTER_CSV_COLUMNS)[number], string> = {
	id: 'The casebook’s permanent id of the filing (the portal gives none).',
	url: 'The canonical URL of its page.',
	name: 'The covered entity’s name, as the latest export spelled it.',
	state: 'Two-letter state or territory; empty where the portal left it blank.',
	entity_type: 'Covered entity type, as the portal labels it; empty where it left it blank.',
	individuals_affected: 'Individuals affected, as a whole number, as last filed; empty where blank.',
	submitted: 'Breach submission date, YYYY-MM-DD: when the entity filed with OCR.',
	type_of_breach: 'Type(s) of breach, as the portal labels them, joined with “; ”.',
	location: 'Location(s) of the breached information, joined with “; ”.',
	business_associate_present: '“Yes” when the entity reported a business associate, else “No”.',
	status: 'The portal’s list it was last exported from: under investigation, or archived.',
	first_seen: 'The first snapshot whose export listed the filing, YYYY-MM-DD.',
	last_seen: 'The last snapshot whose export listed it, YYYY-MM-DD.',
	absent_from_latest: '“Yes” when the latest export no longer lists it, else “No”.',
	first_individuals_affected: 'Individuals affected as first seen, before any revision; empty where blank.',
	count_revisions: 'How many times the portal has revised the count since the casebook first saw it.',
	placeholder: '“Yes” when the count was first filed as a placeholder of 500 or 501, else “No”.',
	organization: 'The slug of its organization’s page, which gathers its filings and case studies.',
	case_studies: 'The slugs of the case studies that explain it, joined with “; ”.',
};

/** What each column of `data/register-history.csv` holds. */
const REGISTER_HISTORY_CSV_DESCRIPTIONS: Record<(typeof REGISTER_HISTORY_CSV_COLUMNS)[number], string> = {
	id: 'The filing’s id, as in data/register.csv.',
	snapshot: 'The date of the import, YYYY-MM-DD.',
	listed: '“No” when that import’s export no longer listed the filing, else “Yes”.',
	name: 'The entity’s name as it then stood.',
	entity_type: 'Covered entity type as it then stood.',
	individuals_affected: 'Individuals affected as it then stood; empty where blank.',
	type_of_breach: 'Type(s) of breach as they then stood, joined with “; ”.',
	location: 'Location(s) of the breached information as they then stood, joined with “; ”.',
	business_associate_present: '“Yes” or “No”, as it then stood.',
	status: 'The portal’s list as it then stood.',
	changed: 'Which figures that import changed, joined with “; ” (every figure at the first).',
};

/** The data dictionary of a CSV file: its columns in order, each with what it holds. */
const dictionary = <K extends string>(columns: readonly K[], descriptions: Record<K, string>): DataColumn[] =>
	columns.map((name) => ({ name, description: descriptions[name] }));

/** The columns of `data/register.csv` and of `data/register-history.csv`, with what each holds. */
export const REGISTER_CSV_DICTIONARY = dictionary(REGISTER_CSV_COLUMNS, REGISTER_CSV_DESCRIPTIONS);
export const REGISTER_HISTORY_CSV_DICTIONARY = dictionary(
	REGISTER_HISTORY_CSV_COLUMNS,
	REGISTER_HISTORY_CSV_DESCRIPTIONS,
);

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
