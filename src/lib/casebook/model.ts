/**
 * The casebook's typed model: one `Incident` per write-up, with what every view derives from it.
 * Pure functions only; `src/site/collection.ts` feeds them from Astro's content layer.
 */
import { DATE_FIELDS, DATE_LABELS, type DateField, type DatedFact, type IncidentData } from '../../schemas/incident.ts';
import { incidentMeasures, type IncidentMeasures } from './measures.ts';
import { partialDate, sortKey, type PartialDate } from '../../schemas/partial-date.ts';

/** One case study and what is derived from its facts. */
export interface Incident {
	/** The permanent id: the file name without `.mdx`. */
	slug: string;
	data: IncidentData;
	/** When it became public: public disclosure, else the regulator report, else the first notices. */
	disclosed?: PartialDate;
	measures: IncidentMeasures;
	/** 1-based citation number of each source id, in the order of the sources list. */
	citationNumbers: Map<string, number>;
	/** First day of `disclosed` (days since 1970), computed once because every listing sorts by it. */
	disclosedDay?: number;
}

/** Builds the model of one write-up from its validated frontmatter. */
export function buildIncident(slug: string, data: IncidentData): Incident {
	const d = data.dates;
	const disclosedFact = d.publiclyDisclosed ?? d.reportedToRegulator ?? d.individualsNotified;
	const disclosed = disclosedFact ? partialDate(disclosedFact.date) : undefined;
	return {
		slug,
		data,
		disclosed,
		disclosedDay: disclosed ? sortKey(disclosed) : undefined,
		measures: incidentMeasures(data),
		citationNumbers: new Map(data.sources.map((s, i) => [s.id, i + 1])),
	};
}

/** The year an incident became public, when known. */
export function disclosureYear(incident: Incident): number | undefined {
	return incident.disclosed?.year;
}

/** Newest disclosure first; case studies whose disclosure date is unknown come last, newest added first. */
export function compareNewestFirst(a: Incident, b: Incident): number {
	if (a.disclosedDay !== undefined && b.disclosedDay !== undefined)
		return b.disclosedDay - a.disclosedDay || a.slug.localeCompare(b.slug);
	if (a.disclosedDay !== undefined || b.disclosedDay !== undefined) return a.disclosedDay !== undefined ? -1 : 1;
	return b.data.added.localeCompare(a.data.added) || a.slug.localeCompare(b.slug);
}

/** A copy of the list, newest first. */
export function newestFirst(incidents: readonly Incident[]): Incident[] {
	return [...incidents].sort(compareNewestFirst);
}

/** Sum of known counts; incidents with an unknown count add nothing and are counted apart. */
export function totalAffected(incidents: readonly Incident[]): { total: number; unknown: number } {
	let total = 0;
	let unknown = 0;
	for (const i of incidents) {
		const n = i.data.individualsAffected.count;
		if (n === null) unknown++;
		else total += n;
	}
	return { total, unknown };
}

/** One dated milestone of an incident, known or not. */
export interface Milestone {
	field: DateField;
	label: string;
	date?: PartialDate;
	fact?: DatedFact;
}

/** The six milestones in order, with `date` undefined where no source gives one. */
export function milestones(incident: Incident): Milestone[] {
	return DATE_FIELDS.map((field) => {
		const fact = incident.data.dates[field];
		return { field, label: DATE_LABELS[field], fact, date: fact ? partialDate(fact.date) : undefined };
	});
}
