/**
 * The register as open data: the JSON API, the two CSV files (one row per filing, and one row per
 * filing per import, which a spreadsheet can filter), all derived from the register model.
 */
import { z } from 'astro/zod';
import { REGISTER_FIGURES, registerRecordObjectSchema, type RegisterFigures } from '../../schemas/register.ts';
import { breachTypes, locations, organizationTypes, registerStatuses, termLabels } from '../../vocabularies.ts';
import { absoluteUrl, incidentPath, organizationPath, registerPath, type SiteRoot } from '../urls.ts';
import type { Filing } from './model.ts';
import { csvText, yesNo, type CsvColumn } from '../csv.ts';

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
const FIGURE_CELLS = {
	name: (f) => f.name ?? '',
	entity_type: (f) => (f.entityType ? organizationTypes.terms[f.entityType].label : ''),
	individuals_affected: (f) => (f.individualsAffected == null ? '' : String(f.individualsAffected)),
	type_of_breach: (f) => (f.breachType ? label(breachTypes, f.breachType) : ''),
	location: (f) => (f.location ? label(locations, f.location) : ''),
	business_associate_present: (f) =>
		f.businessAssociatePresent === undefined ? '' : yesNo(f.businessAssociatePresent),
	status: (f) => (f.status ? registerStatuses.terms[f.status].label : ''),
} satisfies Record<string, (f: Partial<RegisterFigures>) => string>;

/** A column of one of the figures, as `figures` gives them for an item. */
const figureColumn =
	<T>(figures: (item: T) => Partial<RegisterFigures>) =>
	(name: keyof typeof FIGURE_CELLS, description: string): CsvColumn<T> => ({
		name,
		description,
		value: (item) => FIGURE_CELLS[name](figures(item)),
	});

const current = figureColumn((filing: Filing) => filing.record);

/** The columns of `data/register.csv`, in order: one row per filing, its current figures and how they were revised. */
export const REGISTER_CSV_COLUMNS: readonly CsvColumn<Filing>[] = [
	{
		name: 'id',
		description: 'The casebook’s permanent id of the filing (the portal gives none).',
		value: (f) => f.record.id,
	},
	{
		name: 'url',
		description: 'The canonical URL of its page.',
		value: (f, site) => absoluteUrl(registerPath(f.record.id), site),
	},
	current('name', 'The covered entity’s name, as the latest export spelled it.'),
	{
		name: 'state',
		description: 'Two-letter state or territory; empty where the portal left it blank.',
		value: (f) => f.record.state ?? '',
	},
	current('entity_type', 'Covered entity type, as the portal labels it; empty where it left it blank.'),
	current('individuals_affected', 'Individuals affected, as a whole number, as last filed; empty where blank.'),
	{
		name: 'submitted',
		description: 'Breach submission date, YYYY-MM-DD: when the entity filed with OCR.',
		value: (f) => f.record.submitted,
	},
	current('type_of_breach', 'Type(s) of breach, as the portal labels them, joined with “; ”.'),
	current('location', 'Location(s) of the breached information, joined with “; ”.'),
	current('business_associate_present', '“Yes” when the entity reported a business associate, else “No”.'),
	current('status', 'The portal’s list it was last exported from: under investigation, or archived.'),
	{
		name: 'first_seen',
		description: 'The first snapshot whose export listed the filing, YYYY-MM-DD.',
		value: (f) => f.record.firstSeen,
	},
	{
		name: 'last_seen',
		description: 'The last snapshot whose export listed it, YYYY-MM-DD.',
		value: (f) => f.record.lastSeen,
	},
	{
		name: 'absent_from_latest',
		description: '“Yes” when the latest export no longer lists it, else “No”.',
		value: (f) => yesNo(f.absent),
	},
	{
		name: 'first_individuals_affected',
		description: 'Individuals affected as first seen, before any revision; empty where blank.',
		value: (f) => FIGURE_CELLS.individuals_affected(f.record.history[0]!),
	},
	{
		name: 'count_revisions',
		description: 'How many times the portal has revised the count since the casebook first saw it.',
		value: (f) => String(f.revisions.length),
	},
	{
		name: 'placeholder',
		description: '“Yes” when the count was first filed as a placeholder of 500 or 501, else “No”.',
		value: (f) => yesNo(f.placeholder),
	},
	{
		name: 'organization',
		description: 'The slug of its organization’s page, which gathers its filings and case studies.',
		value: (f) => f.organization,
	},
	{
		name: 'case_studies',
		description: 'The slugs of the case studies that explain it, joined with “; ”.',
		value: (f) => f.caseStudies.map((i) => i.slug).join('; '),
	},
];

/** A filing as one import that changed it left it: a row of `data/register-history.csv`. */
export interface HistoryRow {
	id: string;
	snapshot: string;
	/** Whether that import's export listed the filing. */
	listed: boolean;
	/** Every figure as it then stood. */
	figures: Partial<RegisterFigures>;
	/** The figures that import changed; none where it no longer listed the filing. */
	changed: readonly string[];
}

const then = figureColumn((row: HistoryRow) => row.figures);

/** The columns of `data/register-history.csv`, in order: one row per filing per import that changed it. */
export const REGISTER_HISTORY_CSV_COLUMNS: readonly CsvColumn<HistoryRow>[] = [
	{ name: 'id', description: 'The filing’s id, as in data/register.csv.', value: (r) => r.id },
	{ name: 'snapshot', description: 'The date of the import, YYYY-MM-DD.', value: (r) => r.snapshot },
	{
		name: 'listed',
		description: '“No” when that import’s export no longer listed the filing, else “Yes”.',
		value: (r) => yesNo(r.listed),
	},
	then('name', 'The entity’s name as it then stood.'),
	then('entity_type', 'Covered entity type as it then stood.'),
	then('individuals_affected', 'Individuals affected as it then stood; empty where blank.'),
	then('type_of_breach', 'Type(s) of breach as they then stood, joined with “; ”.'),
	then('location', 'Location(s) of the breached information as they then stood, joined with “; ”.'),
	then('business_associate_present', '“Yes” or “No”, as it then stood.'),
	then('status', 'The portal’s list as it then stood.'),
	{
		name: 'changed',
		description: 'Which figures that import changed, joined with “; ” (every figure at the first).',
		value: (r) => r.changed.join('; '),
	},
];

/** The rows of `data/register-history.csv` for one filing, oldest first. */
export function registerHistoryRows(filing: Filing): HistoryRow[] {
	let figures: Partial<RegisterFigures> = {};
	return filing.record.history.map((o) => {
		const changed = REGISTER_FIGURES.filter((k) => o[k] !== undefined);
		if (!o.absent) figures = { ...figures, ...Object.fromEntries(changed.map((k) => [k, o[k]])) };
		return { id: filing.record.id, snapshot: o.snapshot, listed: !o.absent, figures, changed: o.absent ? [] : changed };
	});
}

/** `data/register.csv`: one row per filing, in the order given (the register's, newest first). */
export function registerCsv(filings: readonly Filing[], site: SiteRoot): string {
	return csvText(filings, REGISTER_CSV_COLUMNS, site);
}

/** `data/register-history.csv`: one row per filing per import that changed it. */
export function registerHistoryCsv(filings: readonly Filing[], site: SiteRoot): string {
	return csvText(filings.flatMap(registerHistoryRows), REGISTER_HISTORY_CSV_COLUMNS, site);
}
