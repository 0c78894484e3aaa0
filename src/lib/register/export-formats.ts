/**
 * The formats in which exports of the HHS breach portal have been published, each a small named
 * reader: which columns it has, under which titles, and how it writes a yes or a blank. A file is
 * read by the first format whose header it matches exactly; a header that none matches is refused
 * (read-hhs-export.ts), never read by guesswork.
 *
 * The formats come from the exports in exports/hhs-ocr/ (its README and MANIFEST.csv say which
 * file is which); the unit tests also try variants that no file at hand shows.
 */

/** What a column holds. Facts are read; `ignored` columns are checked to exist and then skipped. */
export type ExportField =
	| 'name'
	| 'state'
	| 'entityType'
	| 'count'
	| 'submitted'
	| 'breachType'
	| 'location'
	| 'businessAssociatePresent'
	| 'businessAssociateName'
	| 'breachStart'
	| 'breachEnd'
	| 'posted'
	| 'year'
	| 'time'
	| 'ignored';

/** One column of a format: what it holds and the title(s) a header gives it. */
export interface ColumnSpec {
	field: ExportField;
	/** The titles accepted, exactly (after trimming); the first names the column in messages. */
	titles: readonly string[];
	/** The column may be missing (publishers dropped the prose description). */
	optional?: boolean;
}

/** A format of export: one reader. */
export interface ExportFormat {
	/** A short name, for the report and messages. */
	name: string;
	/** What it is and where it was seen. */
	description: string;
	/** The columns, in order. */
	columns: readonly ColumnSpec[];
	/** Columns a publisher added (a year, a time), accepted anywhere in the header, and checked. */
	added?: readonly ColumnSpec[];
	/** A column may be titled after the portal's web framework (`javax.faces.component.UIPanel@165a5fe0`); the order says which it is. */
	headerArtifacts?: boolean;
	/** How "business associate present" is written. */
	booleans?: { yes: string; no: string };
	/** Cell values that mean "not given", beside the empty cell. */
	blanks?: readonly string[];
	/** Older spellings of the portal's terms: spelling → the portal's label today. */
	termAliases?: Readonly<Record<string, string>>;
	/** The format holds the old portal's one list, which has no submission date: its rows are matched to filings, not merged (old-format.ts). */
	oldPortal?: boolean;
}

/** The portal's nine titles, in the fixed order of its exports. */
const PORTAL: readonly ColumnSpec[] = [
	{ field: 'name', titles: ['Name of Covered Entity'] },
	{ field: 'state', titles: ['State'] },
	{ field: 'entityType', titles: ['Covered Entity Type'] },
	{ field: 'count', titles: ['Individuals Affected'] },
	{ field: 'submitted', titles: ['Breach Submission Date'] },
	{ field: 'breachType', titles: ['Type of Breach'] },
	{ field: 'location', titles: ['Location of Breached Information'] },
	{ field: 'businessAssociatePresent', titles: ['Business Associate Present'] },
	{ field: 'ignored', titles: ['Web Description'] },
];

/** The same columns under other titles (snake_case, R's dotted names, a publisher's short ones). */
const retitled = (titles: readonly string[], descriptionOptional = false): ColumnSpec[] =>
	PORTAL.map((c, i) => ({
		...c,
		titles: [titles[i]!],
		...(c.field === 'ignored' && descriptionOptional ? { optional: true } : {}),
	}));

/** Columns that people who re-published an export added to it. */
const YEAR_AND_TIME: readonly ColumnSpec[] = [
	{ field: 'year', titles: ['Year', 'year', 'Submission Year', 'Breach Year'] },
	{ field: 'time', titles: ['Time', 'time', 'Submission Time', 'Breach Submission Time'] },
];

const YES_NO = { yes: 'Yes', no: 'No' };

/**
 * Every reader, in the order they are tried: the first whose header matches reads the file. Dates
 * are not part of a format: publishers re-saved them in several styles, so the style is found per
 * file (read-hhs-export.ts) and the report names it.
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
	{
		name: 'portal',
		description:
			'The portal’s export: nine columns in a fixed order; two titles may be the names of web-framework components.',
		columns: PORTAL,
		headerArtifacts: true,
		booleans: YES_NO,
	},
	{
		name: 'portal-edited',
		description:
			'The portal’s columns as a publisher re-saved them: a year or a time column added, or the description dropped.',
		columns: PORTAL.map((c) => (c.field === 'ignored' ? { ...c, optional: true } : c)),
		added: YEAR_AND_TIME,
		headerArtifacts: true,
		booleans: YES_NO,
	},
	{
		name: 'snake-case',
		description: 'The portal’s columns under snake_case titles (name_of_covered_entity, …).',
		columns: retitled(
			[
				'name_of_covered_entity',
				'state',
				'covered_entity_type',
				'individuals_affected',
				'breach_submission_date',
				'type_of_breach',
				'location_of_breached_information',
				'business_associate_present',
				'web_description',
			],
			true,
		),
		added: YEAR_AND_TIME,
		booleans: YES_NO,
	},
	{
		name: 'short-titles',
		description:
			'The portal’s columns under a publisher’s short titles (Name, Entity, Individuals, Type, Location), often with a Year column.',
		columns: retitled(
			[
				'Name',
				'State',
				'Entity',
				'Individuals',
				'Breach Submission Date',
				'Type',
				'Location',
				'Business Associate Present',
				'Web Description',
			],
			true,
		),
		added: YEAR_AND_TIME,
		booleans: YES_NO,
	},
	{
		name: 'r-ecdat',
		description:
			'The register as the R package Ecdat ships it (HHSCyberSecurityBreaches, 2015): a row-number column, R’s dotted titles, TRUE/FALSE, ISO dates, NA for blank.',
		columns: [
			{ field: 'ignored', titles: ['rownames', ''] },
			...retitled(
				[
					'Name.of.Covered.Entity',
					'State',
					'Covered.Entity.Type',
					'Individuals.Affected',
					'Breach.Submission.Date',
					'Type.of.Breach',
					'Location.of.Breached.Information',
					'Business.Associate.Present',
					'Web.Description',
				],
				true,
			),
		],
		booleans: { yes: 'TRUE', no: 'FALSE' },
		blanks: ['NA'],
	},
	{
		name: 'old-portal-2014',
		description:
			'The portal’s format until 2014, as Ecdat ships it (breaches): the business associate by name, the date of the breach and the date posted, no submission date and no entity type.',
		columns: [
			{ field: 'ignored', titles: ['rownames', ''] },
			{ field: 'ignored', titles: ['Number'] },
			{ field: 'name', titles: ['Name_of_Covered_Entity'] },
			{ field: 'state', titles: ['State'] },
			{ field: 'businessAssociateName', titles: ['Business_Associate_Involved'] },
			{ field: 'count', titles: ['Individuals_Affected'] },
			{ field: 'ignored', titles: ['Date_of_Breach'] },
			{ field: 'breachType', titles: ['Type_of_Breach'] },
			{ field: 'location', titles: ['Location_of_Breached_Information'] },
			{ field: 'posted', titles: ['Date_Posted_or_Updated'] },
			{ field: 'ignored', titles: ['Summary'] },
			{ field: 'breachStart', titles: ['breach_start'] },
			{ field: 'breachEnd', titles: ['breach_end'] },
			{ field: 'year', titles: ['year'] },
		],
		blanks: ['NA'],
		termAliases: { Paper: 'Paper/Films', 'E-mail': 'Email' },
		oldPortal: true,
	},
];

/** The portal's framework sometimes names a column after a component instead of its title. */
const HEADER_ARTIFACT = /^javax\.faces\.component\.\w+@[0-9a-f]+$/i;

/** Where each field is in a file, once its header matched a format. */
export interface HeaderMatch {
	format: ExportFormat;
	/** One per header column: its spec. */
	columns: ColumnSpec[];
}

/** Matches a header against one format: the columns, or why it does not match and how far it got. */
export function matchHeader(
	format: ExportFormat,
	header: readonly string[],
): HeaderMatch | { reason: string; matched: number } {
	const titles = header.map((t) => t.replace(/^\uFEFF/, '').trim());
	const columns: ColumnSpec[] = [];
	const seenAdded = new Set<ColumnSpec>();
	let j = 0;
	for (let i = 0; i < titles.length; i++) {
		const title = titles[i]!;
		while (j < format.columns.length) {
			const spec = format.columns[j]!;
			if (spec.titles.includes(title) || (format.headerArtifacts && HEADER_ARTIFACT.test(title))) break;
			const added = format.added?.find((a) => a.titles.includes(title));
			if (added || !spec.optional) break;
			j++;
		}
		const spec = format.columns[j];
		if (spec && (spec.titles.includes(title) || (format.headerArtifacts && HEADER_ARTIFACT.test(title)))) {
			columns.push(spec);
			j++;
			continue;
		}
		const added = format.added?.find((a) => a.titles.includes(title));
		if (added && !seenAdded.has(added)) {
			seenAdded.add(added);
			columns.push(added);
			continue;
		}
		const expected = spec ? `"${spec.titles[0]}"` : 'no more columns';
		return {
			reason: `column ${i + 1} is ${JSON.stringify(header[i])} (expected ${expected})`,
			matched: i,
		};
	}
	const missing = format.columns.slice(j).filter((c) => !c.optional);
	if (missing.length > 0)
		return {
			reason: `has ${titles.length} columns; missing ${missing.map((c) => `"${c.titles[0]}"`).join(', ')}`,
			matched: titles.length,
		};
	return { format, columns };
}

/** The first format whose header this is, or why none is, naming the closest. */
export function detectFormat(header: readonly string[]): HeaderMatch | { reason: string } {
	let closest: { format: ExportFormat; reason: string; matched: number } | undefined;
	for (const format of EXPORT_FORMATS) {
		const match = matchHeader(format, header);
		if ('format' in match) return match;
		if (!closest || match.matched > closest.matched) closest = { format, ...match };
	}
	return {
		reason: `no reader accepts its header (closest: "${closest!.format.name}": ${closest!.reason}; readers: ${EXPORT_FORMATS.map((f) => f.name).join(', ')})`,
	};
}
