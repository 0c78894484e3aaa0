/**
 * The register as the site shows it: every filing with its revisions and its case studies, and
 * the organizations that gather filings and case studies under one name. Derived once from the
 * records, the case studies and the editors' alias list; every register page reads this.
 */
import type { RegisterImport, RegisterRecord } from '../../schemas/register.ts';
import type { OrganizationAlias } from '../../schemas/organization.ts';
import type { Incident } from '../casebook/model.ts';
import { countRevisions, isAbsent, latestSnapshot, type CountRevision } from './merge.ts';
import { exportDates, type ExportDates } from './export-dates.ts';
import { historyLines, type HistoryLine } from './text.ts';

/** One filing, with what the site shows beside it. */
export interface Filing {
	record: RegisterRecord;
	/** Count revisions, oldest first. */
	revisions: CountRevision[];
	/** Every point of its history, oldest first, each with its export date or the bounds of it. */
	history: HistoryLine[];
	/** The count was first filed as a 500 or 501 placeholder and revised later. */
	placeholder: boolean;
	/** Missing from the latest export. */
	absent: boolean;
	/** Case studies that name this filing. */
	caseStudies: Incident[];
	/** The slug of the organization page that lists it. */
	organization: string;
}

/** An organization: its filings and its case studies under one name. */
export interface Organization {
	slug: string;
	name: string;
	/** Newest first. */
	filings: Filing[];
	caseStudies: Incident[];
	/** Individuals affected over its filings; filings without a count are left out. */
	individuals: number;
}

/** The register, derived once. */
export interface RegisterModel {
	/** Newest submission first. */
	filings: Filing[];
	byId: Map<string, Filing>;
	/** By name. */
	organizations: Organization[];
	organizationBySlug: Map<string, Organization>;
	/** The organization page of each case study, by case-study slug. */
	organizationOfIncident: Map<string, Organization>;
	/** The latest snapshot's date. */
	snapshot: string | undefined;
	/** When each snapshot was exported, as known. */
	exportDates: ExportDates;
}

/** Words that tell nothing about which organization a name is: legal forms, articles, "d/b/a". */
const NOISE = new Set([
	'inc',
	'incorporated',
	'llc',
	'l',
	'c',
	'corp',
	'corporation',
	'co',
	'company',
	'pc',
	'pa',
	'pllc',
	'ltd',
	'lp',
	'llp',
	'the',
	'dba',
	'd',
	'b',
	'a',
	'and',
]);

/** An organization's name reduced to what identifies it: `The Kroger Co.` → `kroger`. */
export function organizationKey(name: string): string {
	return name
		.normalize('NFKD')
		.toLowerCase()
		.replace(/['’`]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.split(' ')
		.filter((w) => w && !NOISE.has(w))
		.join(' ');
}

/** Newest submission first; ties by id, so the order never depends on the input's. */
export const newestFiling = (a: Filing, b: Filing) =>
	b.record.submitted.localeCompare(a.record.submitted) || a.record.id.localeCompare(b.record.id);

/** Builds the register model. */
export function buildRegisterModel(
	records: readonly RegisterRecord[],
	incidents: readonly Incident[],
	aliases: readonly OrganizationAlias[] = [],
	imports: readonly Pick<RegisterImport, 'snapshot' | 'exported'>[] = [],
): RegisterModel {
	const dates = exportDates(imports);
	const aliasKeys = aliases.map((a) => ({ alias: a, prefixes: a.match.map(organizationKey) }));
	const aliasOf = (name: string) => {
		const key = organizationKey(name);
		return aliasKeys.find(({ prefixes }) => prefixes.some((p) => key === p || key.startsWith(`${p} `)))?.alias;
	};
	const slugOfKey = (key: string) => key.replace(/ /g, '-') || 'unnamed';

	const caseStudiesOf = new Map<string, Incident[]>();
	for (const incident of incidents)
		for (const id of incident.data.register.filings ?? [])
			caseStudiesOf.set(id, [...(caseStudiesOf.get(id) ?? []), incident]);

	const groups = new Map<
		string,
		{ name?: string; filings: Filing[]; caseStudies: Incident[]; names: Map<string, number> }
	>();
	const group = (slug: string) => {
		let g = groups.get(slug);
		if (!g) groups.set(slug, (g = { filings: [], caseStudies: [], names: new Map() }));
		return g;
	};
	const filings: Filing[] = records.map((record) => {
		const revisions = countRevisions(record);
		const alias = aliasOf(record.name);
		const organization = alias?.id ?? slugOfKey(organizationKey(record.name));
		const filing: Filing = {
			record,
			revisions,
			history: historyLines(record, dates),
			placeholder: revisions.some((r) => r.placeholder),
			absent: isAbsent(record),
			caseStudies: caseStudiesOf.get(record.id) ?? [],
			organization,
		};
		const g = group(organization);
		if (alias) g.name = alias.name;
		g.filings.push(filing);
		g.names.set(record.name, (g.names.get(record.name) ?? 0) + 1);
		return filing;
	});
	filings.sort(newestFiling);
	const byId = new Map(filings.map((f) => [f.record.id, f]));

	const organizationOfSlug = new Map<string, string>();
	for (const incident of incidents) {
		const name = incident.data.organization.name;
		const alias = aliasOf(name);
		const first = incident.data.register.filings?.map((id) => byId.get(id)).find(Boolean);
		const own = slugOfKey(organizationKey(name));
		const slug = alias?.id ?? (groups.has(own) ? own : (first?.organization ?? own));
		const g = group(slug);
		if (alias) g.name = alias.name;
		g.caseStudies.push(incident);
		g.names.set(name, (g.names.get(name) ?? 0) + 1);
		organizationOfSlug.set(incident.slug, slug);
	}

	const organizations: Organization[] = [...groups].map(([slug, g]) => {
		g.filings.sort(newestFiling);
		// The most common spelling names the page; among equals, the newest filing's.
		const spellings = [...g.names].sort((a, b) => b[1] - a[1]);
		const name =
			g.name ??
			spellings.find(([n]) => n === g.filings[0]?.record.name && spellings[0]![1] === 1)?.[0] ??
			spellings[0]![0];
		return {
			slug,
			name,
			filings: g.filings,
			caseStudies: g.caseStudies,
			individuals: g.filings.reduce((sum, f) => sum + (f.record.individualsAffected ?? 0), 0),
		};
	});
	organizations.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug));
	const organizationBySlug = new Map(organizations.map((o) => [o.slug, o]));
	return {
		filings,
		byId,
		organizations,
		organizationBySlug,
		organizationOfIncident: new Map([...organizationOfSlug].map(([s, o]) => [s, organizationBySlug.get(o)!])),
		snapshot: latestSnapshot(records),
		exportDates: dates,
	};
}
