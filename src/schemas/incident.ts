/**
 * The incident model: the frontmatter of one write-up in `content/incidents/<slug>.mdx`.
 *
 * This schema is the single source of truth. `src/content.config.ts` gives it to Astro, the
 * check script validates with it, and the JSON Schema for API consumers and editors is generated
 * from it. Each field's meaning is written once, in its `.describe()`, which the JSON Schema and
 * the tables in docs/AUTHORING.md are generated from; a field without its own takes its type's.
 */
import { z } from 'astro/zod';
import { closestMatch } from './suggest.ts';
import { SLUG_PATTERN } from './slug.ts';
import { copyHostReason } from './copy-hosts.ts';
import { parsePartialDate, partialDate, isImpossibleOrder } from './partial-date.ts';
import {
	actors,
	breachTypes,
	dataClasses,
	disclosures,
	lessons,
	locations,
	noFilingReasons,
	organizationTypes,
	outcomeKinds,
	sourceKinds,
	termKeys,
	usStates,
	vectors,
	type Vocabulary,
} from '../vocabularies.ts';

/** A lowercase, hyphenated identifier such as `kaiser-permanente-2024`. */
const slug = (what: string) =>
	z.string().regex(SLUG_PATTERN, {
		error: `must be a ${what} in lowercase letters, digits and hyphens, e.g. "hhs-breach-portal"`,
	});

/**
 * The metadata key that marks a partial date, so that the JSON Schema export and the docs can
 * state it as text of a pattern without recognising it by its shape.
 */
export const PARTIAL_DATE_META = 'partialDate';

/** A partial date as text. YAML turns `2023-01-13` into a Date and `2014` into a number, so both are taken back to text. */
export const partialDateSchema = z
	.union([z.string(), z.date(), z.number().int()], {
		error: 'must be a date (expected YYYY, YYYY-MM or YYYY-MM-DD)',
	})
	.transform((input, ctx) => {
		const text = input instanceof Date ? input.toISOString().slice(0, 10) : String(input);
		const parsed = parsePartialDate(text);
		if (typeof parsed === 'string') {
			ctx.addIssue({ code: 'custom', message: parsed, input });
			return z.NEVER;
		}
		return text;
	})
	.meta({ [PARTIAL_DATE_META]: true })
	.describe('A date known to the year, month or day: YYYY, YYYY-MM or YYYY-MM-DD.');

/** A date known to the day, for record-keeping dates. */
const dayDateSchema = partialDateSchema.refine((text) => partialDate(text).precision === 'day', {
	error: 'must be a full date (expected YYYY-MM-DD)',
});

/** Only http(s) URLs: a `javascript:` or `data:` URL in a source list would run in readers' browsers. */
export const httpUrlSchema = z
	.string()
	.trim()
	.refine(
		(value) => {
			try {
				const url = new URL(value);
				return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
			} catch {
				return false;
			}
		},
		{ error: 'must be an http(s) URL (expected https://…)' },
	);

/** A term of a controlled vocabulary; the message lists the valid keys. */
export function termSchema<K extends string>(v: Vocabulary<K>) {
	const keys = termKeys(v);
	return z.enum(keys, {
		error: (issue) => {
			const guess = closestMatch(issue.input, keys);
			const hint = guess ? `; did you mean "${guess}"?` : '';
			return `unknown ${v.label.toLowerCase()} ${JSON.stringify(issue.input)}${hint} (expected one of: ${keys.join(', ')})`;
		},
	});
}

/** A non-empty list of vocabulary terms, each at most once. */
function termListSchema<K extends string>(v: Vocabulary<K>, min = 1) {
	return z
		.array(termSchema(v))
		.min(min, { error: `must list at least ${min} ${v.label.toLowerCase()}` })
		.refine((list) => new Set(list).size === list.length, { error: 'lists a term twice' });
}

const text = (what: string) =>
	z
		.string()
		.trim()
		.min(1, { error: `${what} must not be empty` });

const sourceRef = slug('source id').describe('The `id` of an entry in `sources` that supports this fact.');

/** One source of facts. */
export const sourceSchema = z
	.object({
		id: slug('source id').describe('Short id that facts and <Cite id> refer to, e.g. "hhs-ocr-portal".'),
		url: httpUrlSchema.describe(
			'The original publisher’s address: the regulator’s release at the regulator, the company’s notice, the newspaper’s article; when only a copy could be read and it does not give that address, the publisher’s own site. Never a copy or staging host (src/schemas/copy-hosts.ts). http(s) only.',
		),
		title: text('title').describe('The source’s own title.'),
		publisher: text('publisher').describe('Who published it: a regulator, the organization, a newspaper.'),
		published: partialDateSchema.describe('When it was published: YYYY, YYYY-MM or YYYY-MM-DD.'),
		kind: termSchema(sourceKinds).describe('What kind of source it is.'),
		archive: httpUrlSchema.optional().describe('An archived copy of the source. Optional.'),
		via: httpUrlSchema
			.optional()
			.describe(
				'The copy that was actually read, when the original could not be: a repost, a mirror or an aggregator. Shown as “read via <host>”. Optional.',
			),
	})
	.strict()
	.superRefine((source, ctx) => {
		const copy = copyHostReason(source.url);
		if (copy !== undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['url'],
				message: `is a copy, not the original: ${copy} (cite the original publisher's URL; put the copy in \`via\`)`,
			});
		if (source.via !== undefined && sameUrl(source.via, source.url))
			ctx.addIssue({
				code: 'custom',
				path: ['via'],
				message:
					'is the same address as `url` (expected the copy that was read, or no `via` when the original was read)',
			});
	});

/** Two URLs that differ only in a trailing slash or the fragment. */
function sameUrl(a: string, b: string): boolean {
	const bare = (u: string) => u.trim().replace(/#.*$/, '').replace(/\/+$/, '');
	return bare(a) === bare(b);
}

/** A date with the source that gives it. */
const datedFactSchema = z
	.object({
		/** The date, at the precision the source gives. */
		date: partialDateSchema,
		/** The source that gives the date. */
		source: sourceRef,
		note: z.string().trim().optional().describe('A short qualification. Optional.'),
	})
	.strict();

/** The dated milestones of an incident, in the order they are checked against each other. */
export const DATE_FIELDS = [
	'exposureStart',
	'exposureEnd',
	'discovered',
	'reportedToRegulator',
	'individualsNotified',
	'publiclyDisclosed',
] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** Labels for the dated milestones. */
export const DATE_LABELS: Record<DateField, string> = {
	exposureStart: 'Exposure began',
	exposureEnd: 'Exposure ended',
	discovered: 'Discovered',
	reportedToRegulator: 'Reported to regulator',
	individualsNotified: 'Individuals notified',
	publiclyDisclosed: 'Publicly disclosed',
};

/** Pairs of milestones where the second cannot come before the first. */
const DATE_ORDER: ReadonlyArray<[DateField, DateField]> = [
	['exposureStart', 'exposureEnd'],
	['exposureStart', 'discovered'],
	['exposureStart', 'publiclyDisclosed'],
	['discovered', 'reportedToRegulator'],
	['discovered', 'individualsNotified'],
	['discovered', 'publiclyDisclosed'],
];

const datesSchema = z
	.object({
		exposureStart: datedFactSchema.optional().describe('When data first became exposed.'),
		exposureEnd: datedFactSchema.optional().describe('When the exposure was stopped.'),
		discovered: datedFactSchema.optional().describe('When the organization discovered the incident.'),
		reportedToRegulator: datedFactSchema.optional().describe('When it was reported to a regulator such as HHS OCR.'),
		individualsNotified: datedFactSchema.optional().describe('When affected individuals were first notified.'),
		publiclyDisclosed: datedFactSchema.optional().describe('When it was first made public.'),
	})
	.strict();

/** A regulatory or legal outcome. */
const outcomeSchema = z
	.object({
		kind: termSchema(outcomeKinds).describe('What kind of outcome.'),
		date: partialDateSchema.describe('When it was announced or agreed.'),
		amount: z.number().nonnegative().optional().describe('The amount, when money changed hands.'),
		currency: z
			.string()
			.regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as USD' })
			.default('USD')
			.describe('ISO 4217 currency of the amount. Defaults to USD.'),
		description: text('description').describe('Who imposed or agreed it and what it requires, in one line.'),
		/** The source that records it. */
		source: sourceRef,
	})
	.strict();

/** The number of people affected. */
const individualsAffectedSchema = z
	.object({
		count: z
			.number({ error: 'must be a whole number, or null when unknown' })
			.int({ error: 'must be a whole number' })
			.min(1, {
				error: (issue) =>
					issue.input === 0
						? 'is 0; write `count: null` when the number is unknown (expected a positive whole number or null)'
						: 'must be positive (expected a positive whole number or null)',
			})
			.nullable()
			.describe('The count, or null when no source gives one. Never 0 for unknown.'),
		/** The source that gives the count. Required when the count is known. */
		source: sourceRef.optional(),
		asOf: partialDateSchema.optional().describe('The date the count is as of. Optional.'),
		note: z.string().trim().optional().describe('A short qualification, e.g. where sources disagree. Optional.'),
	})
	.strict()
	.superRefine((value, ctx) => {
		if (typeof value.count === 'number' && value.count > 0 && value.source === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['source'],
				message: 'is missing: a known count needs the id of the source that gives it',
			});
		}
	});

/** A record id of the register: `change-healthcare-inc-mn-2024-07-19` (docs/REGISTER.md). */
export const registerIdSchema = z.string().regex(SLUG_PATTERN, {
	error: 'must be a register record id such as "change-healthcare-inc-mn-2024-07-19" (docs/REGISTER.md)',
});

const registerLinkSchema = z
	.object({
		filings: z
			.array(registerIdSchema)
			.min(1, { error: 'must list at least one register record id, or use `none` with a reason' })
			.optional()
			.describe('Ids of the HHS breach-register filings this case study concerns.'),
		none: termSchema(noFilingReasons).optional().describe('Why there is no filing, when there is none.'),
		note: z.string().trim().min(1).optional().describe('A short explanation, e.g. which entity filed instead.'),
		countDiffers: z
			.object({
				registerCount: z
					.number({ error: 'must be the register figure this reason answers, a whole number' })
					.int()
					.nonnegative()
					.describe('The register figure (the sum over `filings`) that the reason explains.'),
				reason: text('reason').describe('Why the case study keeps a different count.'),
				source: sourceRef,
			})
			.strict()
			.optional()
			.describe('Why `individualsAffected.count` differs from the register, on purpose.'),
	})
	.strict()
	.superRefine((link, ctx) => {
		if ((link.filings === undefined) === (link.none === undefined))
			ctx.addIssue({
				code: 'custom',
				path: [],
				message: 'must have either `filings` (register record ids) or `none` (why there is no filing), not both',
			});
		if (link.none !== undefined && link.note === undefined)
			ctx.addIssue({ code: 'custom', path: ['note'], message: 'is missing: say in a line why there is no filing' });
		if (link.countDiffers !== undefined && link.filings === undefined)
			ctx.addIssue({ code: 'custom', path: ['countDiffers'], message: 'needs `filings` to differ from' });
	});

/** The organization responsible for the data. */
const organizationSchema = z
	.object({
		name: text('name').describe('The organization’s name, as it is publicly known.'),
		type: termSchema(organizationTypes).describe('Its HIPAA role.'),
		legalName: z
			.string()
			.trim()
			.min(1)
			.optional()
			.describe(
				'Its own legal or registered name when that differs from `name`, e.g. "California Physicians’ Service" for Blue Shield of California. Not a parent. Optional.',
			),
		parent: z
			.string()
			.trim()
			.min(1)
			.optional()
			.describe(
				'A separate organization that owns or controls it, e.g. "UnitedHealth Group" for Change Healthcare. Never its own legal name (that is `legalName`). Optional.',
			),
		state: z
			.enum(Object.keys(usStates) as [keyof typeof usStates, ...(keyof typeof usStates)[]], {
				error: (issue) => `unknown US state ${JSON.stringify(issue.input)} (expected a two-letter code such as CA)`,
			})
			.optional()
			.describe('The US state of its headquarters, as a two-letter code. Optional.'),
		country: z
			.string()
			.regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code such as US' })
			.default('US')
			.describe('Its country, as an ISO 3166-1 alpha-2 code. Defaults to US.'),
	})
	.strict()
	.superRefine((org, ctx) => {
		if (org.parent === undefined) return;
		if (/\b(d\/b\/a|dba|doing business as|formerly)\b/i.test(org.parent))
			ctx.addIssue({
				code: 'custom',
				path: ['parent'],
				message: `"${org.parent}" is a trading or former name, not a parent (expected a separate owning organization; put the organization's own legal name in \`legalName\`)`,
			});
		else if (sameCompany(org.parent, org.name) || sameCompany(org.parent, org.legalName))
			ctx.addIssue({
				code: 'custom',
				path: ['parent'],
				message: `"${org.parent}" is the organization itself (expected a separate owning organization; put its legal name in \`legalName\`)`,
			});
	});

/** Corporate suffixes that do not make a different company: "Flo Health, Inc." is Flo Health. */
const CORPORATE_SUFFIX =
	/[\s,]+(inc|incorporated|llc|l\.l\.c|corp|corporation|co|company|ltd|limited|lp|llp|plc|pc|pa)\.?$/i;

/** Whether two names are one company, once case, punctuation, "The" and a corporate suffix are set aside. */
export function sameCompany(a: string | undefined, b: string | undefined): boolean {
	if (a === undefined || b === undefined) return false;
	const bare = (name: string) => {
		let n = name.trim().replace(/^the\s+/i, '');
		for (let before = ''; before !== n;) [before, n] = [n, n.replace(CORPORATE_SUFFIX, '')];
		return n.toLowerCase().replace(/[^a-z0-9]+/g, '');
	};
	return bare(a) === bare(b);
}

/** The frontmatter of one case study, before the cross-field rules. */
const incidentObject = z
	.object({
		title: text('title').describe('The headline of the case study.'),
		summary: text('summary')
			.max(300, { error: (issue) => `is ${String(issue.input).length} characters long (expected at most 300)` })
			.describe('At most 300 characters, for listings, feeds and search results.'),
		organization: organizationSchema.describe('The organization responsible for the data.'),
		businessAssociates: z.array(text('business associate')).default([]).describe('Vendors involved.'),
		recipients: z.array(text('recipient')).default([]).describe('Third parties that received the data.'),
		individualsAffected: individualsAffectedSchema.describe(
			'How many people were affected, with the source of the count.',
		),
		register: registerLinkSchema.describe(
			'The HHS breach-register filing(s) this case study concerns, or why there is none.',
		),
		dataClasses: termListSchema(dataClasses)
			.refine((list) => !list.includes('unknown') || list.length === 1, {
				error: '"unknown" stands alone: list the data classes a source names, or only "unknown"',
			})
			.describe('What kinds of data were exposed; only "unknown" when no source says.'),
		breachType: termListSchema(breachTypes).describe('The HHS breach portal type(s).'),
		location: termListSchema(locations).describe('The HHS breach portal location(s).'),
		vector: termListSchema(vectors).describe('How the data leaked, after VERIS.'),
		actor: termSchema(actors).describe('Who caused it, after VERIS.'),
		disclosure: termSchema(disclosures).describe('Whether data is known to have been accessed.'),
		dates: z
			.preprocess((v) => v ?? {}, datesSchema)
			.describe('The dated milestones; leave out any date no source gives.'),
		outcomes: z.array(outcomeSchema).default([]).describe('Regulatory and legal outcomes.'),
		lessons: termListSchema(lessons, 0).default([]).describe('Preventive controls the case teaches.'),
		tags: z.array(slug('tag')).default([]).describe('Free keywords, lowercase and hyphenated.'),
		related: z.array(slug('case-study slug')).default([]).describe('Slugs of related case studies.'),
		redirectFrom: z.array(slug('slug')).default([]).describe('Former slugs, each kept as a redirect.'),
		sources: z
			.array(sourceSchema)
			.min(1, { error: 'must list at least one source' })
			.describe('Every source the facts and the narrative rely on. At least one.'),
		added: dayDateSchema.describe('When the case study was first published here, YYYY-MM-DD.'),
		updated: dayDateSchema.optional().describe('When its facts last changed, YYYY-MM-DD. Optional.'),
	})
	.strict();

/** Every top-level field of a write-up's frontmatter. */
export const INCIDENT_FIELDS = Object.keys(incidentObject.shape);

/** The frontmatter of one case study. */
export const incidentSchema = incidentObject
	// Purposely run even when other fields failed, so that an editor sees every problem at once;
	// the data may then be partly raw, hence the defensive reads.
	.superRefine(crossFieldRules, { when: () => true });

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const idOf = (v: unknown): string | undefined => {
	const id = (v as { id?: unknown; source?: unknown } | null | undefined)?.id;
	return typeof id === 'string' ? id : undefined;
};
const refOf = (v: unknown): string | undefined => {
	const ref = (v as { source?: unknown } | null | undefined)?.source;
	return typeof ref === 'string' ? ref : undefined;
};
const dateOf = (v: unknown) => {
	const text = (v as { date?: unknown } | null | undefined)?.date;
	const parsed = typeof text === 'string' ? parsePartialDate(text) : undefined;
	return typeof parsed === 'object' ? parsed : undefined;
};

/** Rules across fields: unique source ids, references to sources that exist, dates in a possible order. */
function crossFieldRules(data: IncidentInput, ctx: z.RefinementCtx<IncidentInput>) {
	const ids = new Set<string>();
	asArray(data.sources).forEach((source, i) => {
		const id = idOf(source);
		if (id === undefined) return;
		if (ids.has(id)) {
			ctx.addIssue({
				code: 'custom',
				path: ['sources', i, 'id'],
				message: `duplicate source id "${id}" (expected each id once)`,
			});
		}
		ids.add(id);
	});
	const known = [...ids].join(', ') || 'none';
	const checkRef = (id: string | undefined, path: (string | number)[]) => {
		if (id !== undefined && !ids.has(id)) {
			const guess = closestMatch(id, [...ids]);
			const hint = guess ? `; did you mean "${guess}"?` : '';
			ctx.addIssue({ code: 'custom', path, message: `unknown source id "${id}"${hint} (expected one of: ${known})` });
		}
	};
	const dates = (data.dates ?? {}) as Record<string, unknown>;
	checkRef(refOf(data.individualsAffected), ['individualsAffected', 'source']);
	checkRef(refOf((data.register as { countDiffers?: unknown } | undefined)?.countDiffers), [
		'register',
		'countDiffers',
		'source',
	]);
	for (const field of DATE_FIELDS) checkRef(refOf(dates[field]), ['dates', field, 'source']);
	asArray(data.outcomes).forEach((o, i) => checkRef(refOf(o), ['outcomes', i, 'source']));

	for (const [earlier, later] of DATE_ORDER) {
		const a = dateOf(dates[earlier]);
		const b = dateOf(dates[later]);
		if (a && b && isImpossibleOrder(a, b)) {
			ctx.addIssue({
				code: 'custom',
				path: ['dates', later, 'date'],
				message: `${b.value} is before ${earlier} ${a.value} (expected ${later} on or after ${earlier})`,
			});
		}
	}
	const added = dateOf({ date: data.added });
	const updated = dateOf({ date: data.updated });
	if (added && updated && isImpossibleOrder(added, updated)) {
		ctx.addIssue({
			code: 'custom',
			path: ['updated'],
			message: `${updated.value} is before added ${added.value} (expected on or after it)`,
		});
	}
}

/** Frontmatter as the refinement may see it: valid where parsing succeeded, raw elsewhere. */
type IncidentInput = z.output<typeof incidentObject>;

/** The validated frontmatter of one case study. */
export type IncidentData = z.output<typeof incidentSchema>;
/** One source of a case study. */
export type Source = IncidentData['sources'][number];
/** One dated milestone. */
export type DatedFact = NonNullable<IncidentData['dates'][DateField]>;
/** One outcome. */
export type Outcome = IncidentData['outcomes'][number];
