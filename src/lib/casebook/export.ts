/**
 * Open-data views of the model: the JSON API records, the CSV rows and the JSON Schemas. Each is
 * derived from the same `Incident`, so an export can never disagree with a page.
 */
import { z } from 'astro/zod';
import { yesNo, type CsvColumn } from '../csv.ts';
import { incidentSchema, DATE_FIELDS, DATE_LABELS, PARTIAL_DATE_META } from '../../schemas/incident.ts';
import { PARTIAL_DATE_PATTERN } from '../../schemas/partial-date.ts';
import type { Incident } from './model.ts';
import type { Measure } from './measures.ts';
import { HHS_COLUMNS } from '../register/read-hhs-export.ts';
import { incidentPath, absoluteUrl, type SiteRoot } from '../urls.ts';
import {
	actors,
	breachTypes,
	dataClasses,
	disclosures,
	lessons,
	locations,
	organizationTypes,
	termLabels,
	vectors,
} from '../../vocabularies.ts';

/** Bumped on any change a consumer could notice: 1.x adds fields, 2.0 would remove or rename. */
export const SCHEMA_VERSION = '1.0.0';

const dayIntervalSchema = z
	.strictObject({
		min: z.number().int().nonnegative().describe('The shortest the known dates allow, in days.'),
		max: z.number().int().nonnegative().describe('The longest the known dates allow, in days.'),
	})
	.nullable();

/** Measures derived from the dates; null where a date is unknown. */
const derivedSchema = z.strictObject({
	disclosed: z.string().nullable().describe('When the incident became public (partial date), or null.'),
	exposureDays: dayIntervalSchema.describe('Exposure start to end, or to discovery when the end is unknown.'),
	exposureEndsAtDiscovery: z.boolean().describe('True when the end of exposure is unknown and discovery is used.'),
	discoveryToNotificationDays: dayIntervalSchema,
	discoveryToRegulatorDays: dayIntervalSchema,
	discoveryToPublicDays: dayIntervalSchema,
	notification: z
		.enum(['late', 'on-time', 'possibly-late', 'unknown'])
		.describe('Notice to individuals against the HIPAA 60-day limit.'),
});

/** One case study in the JSON API. */
export const apiIncidentSchema = z
	.object({
		slug: z.string().describe('The permanent id of the case study.'),
		url: z.string().describe('The canonical URL of its page.'),
		facts: incidentSchema.describe('The structured facts, as in the write-up’s frontmatter.'),
		derived: derivedSchema,
	})
	.strict();

const fileHeader = {
	schemaVersion: z
		.string()
		.describe('The version of these schemas: a minor version adds fields, a major one removes or renames.'),
	generated: z.string().describe('When this file was built (ISO 8601).'),
};

/** The whole casebook in the JSON API: `api/incidents.json`. */
export const apiIndexSchema = z
	.object({ ...fileHeader, count: z.number().int(), incidents: z.array(apiIncidentSchema) })
	.strict();

/** One case study's file in the JSON API: `api/incidents/<slug>.json`. */
export const apiIncidentFileSchema = z.object({ ...fileHeader, incident: apiIncidentSchema }).strict();

/** One case study as served by the API. */
export type ApiIncident = z.input<typeof apiIncidentSchema>;
/** `api/incidents/<slug>.json`. */
export type ApiIncidentFile = z.input<typeof apiIncidentFileSchema>;

/**
 * `api/incidents.json` as the build writes it, and as the integrations that work from it read it
 * back (the per-case files, the share images, the dev server's search index).
 */
export type ApiIndex = z.input<typeof apiIndexSchema>;

/** Where the build writes the API's index, under the site's root. */
export const API_INDEX_PATH = 'api/incidents.json';

const interval = (m: Measure | undefined) => (m ? { min: m.days.min, max: m.days.max } : null);

/** The API record of one case study. */
export function apiIncident(incident: Incident, site: SiteRoot): ApiIncident {
	const m = incident.measures;
	return {
		slug: incident.slug,
		url: absoluteUrl(incidentPath(incident.slug), site),
		facts: incident.data,
		derived: {
			disclosed: incident.disclosed?.value ?? null,
			exposureDays: interval(m.exposure),
			exposureEndsAtDiscovery: m.exposure?.to === 'discovered',
			discoveryToNotificationDays: interval(m.toNotification),
			discoveryToRegulatorDays: interval(m.toRegulator),
			discoveryToPublicDays: interval(m.toPublic),
			notification: m.notification,
		},
	};
}

/**
 * JSON Schema of a Zod schema, with partial dates stated as the pattern they must match. With
 * `tagPartialDates`, each keeps its `PARTIAL_DATE_META` tag, for the docs.
 */
export function jsonSchemaOf(
	schema: z.ZodType,
	id: string,
	title: string,
	{ tagPartialDates = false } = {},
): Record<string, unknown> {
	const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
		string,
		unknown
	>;
	// YAML reads an unquoted date as a Date and a year as a number, so the schema accepts those in
	// Zod; in JSON (and in quoted YAML) a partial date is simply text of this pattern.
	const fix = (node: unknown): unknown => {
		if (Array.isArray(node)) return node.map(fix);
		if (!node || typeof node !== 'object') return node;
		const { [PARTIAL_DATE_META]: tag, ...obj } = node as Record<string, unknown>;
		if (tag === true) {
			const { anyOf: _, ...rest } = obj;
			return {
				...rest,
				type: 'string',
				pattern: PARTIAL_DATE_PATTERN.source,
				...(tagPartialDates ? { [PARTIAL_DATE_META]: true } : {}),
			};
		}
		return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fix(v)]));
	};
	return { $id: id, title, ...(fix(json) as Record<string, unknown>) };
}

const labels = <K extends string>(terms: Record<K, { label: string }>, keys: readonly K[]) =>
	termLabels({ terms }, keys, '; ');
const oneOf = (terms: Record<string, { label: string }>) =>
	Object.values(terms)
		.map((t) => t.label)
		.join(', ');
const days = (n: number | undefined) => (n === undefined ? '' : String(n));

/** `reportedToRegulator` → `reported_to_regulator`. */
const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The `_min` and `_max` columns of a measure in days, a range where a date is partial. */
const dayRangeColumns = (
	name: string,
	what: string,
	pick: (m: Incident['measures']) => Measure | undefined,
): CsvColumn<Incident>[] =>
	(['min', 'max'] as const).map((end) => ({
		name: `${name}_${end}`,
		description: `The ${end === 'min' ? 'shortest' : 'longest'} ${what} the dates allow, in days.`,
		value: (i) => days(pick(i.measures)?.days[end]),
	}));

/**
 * The columns of `data/incidents.csv`, in order, all in snake_case. Multi-valued fields are
 * joined with "; "; unknown values are empty. The data dictionary on /data/ is this list.
 */
export const CSV_COLUMNS: readonly CsvColumn<Incident>[] = [
	{ name: 'slug', description: 'The permanent id of the case study.', value: (i) => i.slug },
	{
		name: 'url',
		description: 'The canonical URL of its page.',
		value: (i, site) => absoluteUrl(incidentPath(i.slug), site),
	},
	{ name: 'title', description: 'The headline of the case study.', value: (i) => i.data.title },
	{ name: 'summary', description: 'One or two sentences: what happened.', value: (i) => i.data.summary },
	{
		name: 'organization',
		description: 'The organization whose data was exposed (the HHS “covered entity”).',
		value: (i) => i.data.organization.name,
	},
	{ name: 'parent', description: 'Its parent organization, if any.', value: (i) => i.data.organization.parent ?? '' },
	{
		name: 'organization_type',
		description: `One of: ${oneOf(organizationTypes.terms)}.`,
		value: (i) => organizationTypes.terms[i.data.organization.type].label,
	},
	{
		name: 'state',
		description: 'US state or territory, two letters; empty outside the US.',
		value: (i) => i.data.organization.state ?? '',
	},
	{ name: 'country', description: 'ISO 3166-1 alpha-2 country code.', value: (i) => i.data.organization.country },
	{
		name: 'individuals_affected',
		description: 'How many people were affected, as a whole number; empty when unknown.',
		value: (i) => (i.data.individualsAffected.count === null ? '' : String(i.data.individualsAffected.count)),
	},
	{
		name: 'business_associates',
		description: 'Vendors or business associates involved.',
		value: (i) => i.data.businessAssociates.join('; '),
	},
	{
		name: 'business_associate_present',
		description: '“Yes” when a business associate was involved, else “No” (as on the HHS portal).',
		value: (i) => yesNo(i.data.businessAssociates.length > 0),
	},
	{
		name: 'recipients',
		description: 'Third parties that received the data.',
		value: (i) => i.data.recipients.join('; '),
	},
	{
		name: 'data_classes',
		description: `Kinds of data exposed, any of: ${oneOf(dataClasses.terms)}.`,
		value: (i) => labels(dataClasses.terms, i.data.dataClasses),
	},
	{
		name: 'breach_types',
		description: `HHS breach types, any of: ${oneOf(breachTypes.terms)}.`,
		value: (i) => labels(breachTypes.terms, i.data.breachType),
	},
	{
		name: 'locations',
		description: `Where the data was, in HHS's terms, any of: ${oneOf(locations.terms)}.`,
		value: (i) => labels(locations.terms, i.data.location),
	},
	{
		name: 'vectors',
		description: `How it happened, any of: ${oneOf(vectors.terms)}.`,
		value: (i) => labels(vectors.terms, i.data.vector),
	},
	{ name: 'actor', description: `One of: ${oneOf(actors.terms)}.`, value: (i) => actors.terms[i.data.actor].label },
	{
		name: 'disclosure',
		description: `Whether data is known to have been accessed, one of: ${oneOf(disclosures.terms)}.`,
		value: (i) => disclosures.terms[i.data.disclosure].label,
	},
	...DATE_FIELDS.map((f): CsvColumn<Incident> => ({
		name: `date_${snake(f)}`,
		description: `${DATE_LABELS[f]}: a date, YYYY, YYYY-MM or YYYY-MM-DD as precise as the source.`,
		value: (i) => i.data.dates[f]?.date ?? '',
	})),
	{
		name: 'disclosed',
		description:
			'When the incident became public, as the listings sort it: date_publicly_disclosed, else date_reported_to_regulator, else date_individuals_notified.',
		value: (i) => i.disclosed?.value ?? '',
	},
	...dayRangeColumns('exposure_days', 'exposure (to discovery when its end is unknown)', (m) => m.exposure),
	...dayRangeColumns(
		'discovery_to_notification_days',
		'time from discovery to the first notices to individuals',
		(m) => m.toNotification,
	),
	{
		name: 'notification_vs_60_days',
		description: 'Notice to individuals against the HIPAA 60-day limit: late, on-time, possibly-late or unknown.',
		value: (i) => i.measures.notification,
	},
	{
		name: 'lessons',
		description: 'Lessons the case teaches, from the casebook’s vocabulary.',
		value: (i) => labels(lessons.terms, i.data.lessons),
	},
	{ name: 'tags', description: 'Free tags.', value: (i) => i.data.tags.join('; ') },
	{
		name: 'outcomes',
		description: 'Regulatory and legal outcomes: kind, date and, where money changed hands, currency and amount.',
		value: (i) =>
			i.data.outcomes
				.map((o) => `${o.kind} ${o.date}${o.amount !== undefined ? ` ${o.currency} ${o.amount}` : ''}`)
				.join('; '),
	},
	{
		name: 'sources',
		description: 'The URLs of the sources, in order.',
		value: (i) => i.data.sources.map((s) => s.url).join('; '),
	},
	{ name: 'added', description: 'When the case study was first published here.', value: (i) => i.data.added },
	{
		name: 'updated',
		description: 'When its facts last changed; the same as added when they never have.',
		value: (i) => i.data.updated ?? i.data.added,
	},
];

/** For each of the HHS OCR breach portal's columns, the column of ours that holds it. */
const HHS_SOURCES: Record<(typeof HHS_COLUMNS)[number], string> = {
	'Name of Covered Entity': 'organization',
	State: 'state',
	'Covered Entity Type': 'organization_type',
	'Individuals Affected': 'individuals_affected',
	'Breach Submission Date': 'date_reported_to_regulator',
	'Type of Breach': 'breach_types',
	'Location of Breached Information': 'locations',
	'Business Associate Present': 'business_associate_present',
	'Web Description': 'summary',
};

/**
 * The columns of `data/incidents-hhs.csv`: the HHS OCR breach portal's own, in its order and under
 * its names (the importer's, src/lib/register/read-hhs-export.ts), to set beside the portal's export.
 */
export const HHS_CSV_COLUMNS: readonly CsvColumn<Incident>[] = HHS_COLUMNS.map((name) => {
	const column = CSV_COLUMNS.find((c) => c.name === HHS_SOURCES[name])!;
	return { ...column, name };
});
