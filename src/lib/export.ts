/**
 * Open-data views of the model: the JSON API records, the CSV rows and the JSON Schemas. Each is
 * derived from the same `Incident`, so an export can never disagree with a page.
 */
import { z } from 'astro/zod';
import { incidentSchema, DATE_FIELDS } from '../schemas/incident.ts';
import { PARTIAL_DATE_PATTERN } from './partial-date.ts';
import type { Incident } from './model.ts';
import type { Measure } from './measures.ts';
import { HHS_FACT_COLUMNS } from './register/hhs-export.ts';
import { incidentPath, absoluteUrl } from './urls.ts';
import {
	actors,
	breachTypes,
	dataClasses,
	disclosures,
	lessons,
	locations,
	organizationTypes,
	vectors,
} from '../vocabularies.ts';

/** Bumped on any change a consumer could notice: 1.x adds fields, 2.0 would remove or rename. */
export const SCHEMA_VERSION = '1.0.0';

const dayIntervalSchema = z
	.object({
		min: z.number().int().nonnegative().describe('The shortest the known dates allow, in days.'),
		max: z.number().int().nonnegative().describe('The longest the known dates allow, in days.'),
	})
	.nullable();

/** Measures derived from the dates; null where a date is unknown. */
const derivedSchema = z.object({
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
export const apiIncidentSchema = z.object({
	slug: z.string().describe('The permanent id of the case study.'),
	url: z.string().describe('The canonical URL of its page.'),
	facts: incidentSchema.describe('The structured facts, as in the write-up’s frontmatter.'),
	derived: derivedSchema,
});

/** The whole casebook in the JSON API. */
export const apiIndexSchema = z.object({
	schemaVersion: z.string(),
	generated: z.string().describe('When this file was built (ISO 8601).'),
	count: z.number().int(),
	incidents: z.array(apiIncidentSchema),
});

/** One case study as served by the API. */
export type ApiIncident = z.input<typeof apiIncidentSchema>;

const interval = (m: Measure | undefined) => (m ? { min: m.days.min, max: m.days.max } : null);

/** The API record of one case study. */
export function apiIncident(incident: Incident, site: URL | string | undefined): ApiIncident {
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

/** JSON Schema of a Zod schema, with partial dates stated as the pattern they must match. */
export function jsonSchemaOf(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
	const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
		string,
		unknown
	>;
	// YAML reads an unquoted date as a Date and a year as a number, so the schema accepts those in
	// Zod; in JSON (and in quoted YAML) a partial date is simply text of this pattern.
	const fix = (node: unknown): unknown => {
		if (Array.isArray(node)) return node.map(fix);
		if (!node || typeof node !== 'object') return node;
		const obj = node as Record<string, unknown>;
		const anyOf = obj.anyOf as Record<string, unknown>[] | undefined;
		if (
			anyOf?.length === 3 &&
			anyOf[0]?.type === 'string' &&
			Object.keys(anyOf[1] ?? {}).length === 0 &&
			anyOf[2]?.type === 'integer'
		) {
			const { anyOf: _, ...rest } = obj;
			return { ...rest, type: 'string', pattern: PARTIAL_DATE_PATTERN.source };
		}
		return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fix(v)]));
	};
	return { $id: id, title, ...(fix(json) as Record<string, unknown>) };
}

const labels = <K extends string>(terms: Record<K, { label: string }>, keys: readonly K[]) =>
	keys.map((k) => terms[k].label).join('; ');

/** Columns of the CSV: HHS-portal-like first, then the casebook's own. */
export const CSV_COLUMNS = [
	...HHS_FACT_COLUMNS,
	'slug',
	'url',
	'title',
	'summary',
	'parent',
	'country',
	'business_associates',
	'recipients',
	'data_classes',
	'vectors',
	'actor',
	'disclosure',
	...DATE_FIELDS.map((f) => `date_${f}`),
	'disclosed',
	'exposure_days_min',
	'exposure_days_max',
	'discovery_to_notification_days_min',
	'discovery_to_notification_days_max',
	'notification_vs_60_days',
	'lessons',
	'tags',
	'outcomes',
	'sources',
	'added',
	'updated',
] as const;

/** One CSV row per case study; multi-valued fields joined with "; ", unknown left empty. */
export function csvRow(
	incident: Incident,
	site: URL | string | undefined,
): Record<(typeof CSV_COLUMNS)[number], string> {
	const d = incident.data;
	const m = incident.measures;
	const dates = Object.fromEntries(DATE_FIELDS.map((f) => [`date_${f}`, d.dates[f]?.date ?? ''])) as Record<
		`date_${(typeof DATE_FIELDS)[number]}`,
		string
	>;
	return {
		'Name of Covered Entity': d.organization.name,
		State: d.organization.state ?? '',
		'Covered Entity Type': organizationTypes.terms[d.organization.type].label,
		'Individuals Affected': d.individualsAffected.count === null ? '' : String(d.individualsAffected.count),
		'Breach Submission Date': d.dates.reportedToRegulator?.date ?? '',
		'Type of Breach': labels(breachTypes.terms, d.breachType),
		'Location of Breached Information': labels(locations.terms, d.location),
		'Business Associate Present': d.businessAssociates.length > 0 ? 'Yes' : 'No',
		slug: incident.slug,
		url: absoluteUrl(incidentPath(incident.slug), site),
		title: d.title,
		summary: d.summary,
		parent: d.organization.parent ?? '',
		country: d.organization.country,
		business_associates: d.businessAssociates.join('; '),
		recipients: d.recipients.join('; '),
		data_classes: labels(dataClasses.terms, d.dataClasses),
		vectors: labels(vectors.terms, d.vector),
		actor: actors.terms[d.actor].label,
		disclosure: disclosures.terms[d.disclosure].label,
		...dates,
		disclosed: incident.disclosed?.value ?? '',
		exposure_days_min: m.exposure ? String(m.exposure.days.min) : '',
		exposure_days_max: m.exposure ? String(m.exposure.days.max) : '',
		discovery_to_notification_days_min: m.toNotification ? String(m.toNotification.days.min) : '',
		discovery_to_notification_days_max: m.toNotification ? String(m.toNotification.days.max) : '',
		notification_vs_60_days: m.notification,
		lessons: labels(lessons.terms, d.lessons),
		tags: d.tags.join('; '),
		outcomes: d.outcomes
			.map((o) => `${o.kind} ${o.date}${o.amount !== undefined ? ` ${o.currency} ${o.amount}` : ''}`)
			.join('; '),
		sources: d.sources.map((s) => s.url).join('; '),
		added: d.added,
		updated: d.updated ?? '',
	};
}
