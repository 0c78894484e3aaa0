/**
 * The synthetic corpus: N write-ups that pass the schema and the body policy, with skewed
 * (Zipf-like) term frequencies, every vocabulary term present at least once, distinctive
 * organization names, ~900-word bodies with the six sections, lists and citations, and some
 * editorial `related` links. Deterministic for a given seed and number of cases.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugify } from '../../src/schemas/slug.ts';
import { Random } from './prng.ts';
import {
	actors,
	breachTypes,
	dataClasses,
	disclosures,
	lessons,
	locations,
	organizationTypes,
	outcomeKinds,
	sourceKinds,
	termKeys,
	usStates,
	vectors,
	type Vocabulary,
} from '../../src/vocabularies.ts';
import {
	MONTHS,
	ORG_SUFFIXES,
	PLACES,
	RARE_TOKENS,
	RECIPIENTS,
	SYSTEMS,
	TAGS,
	VECTOR_STORY,
	VENDOR_WORDS,
	fillerSentence,
	voiceOf,
	inventedToken,
	wordCount,
} from './text.ts';

/** The queries the search measurement runs, chosen so that each means something in this corpus. */
export interface BenchQueries {
	/** A unique organization name: one case. */
	rare: string;
	/** A word in a large share of the cases. */
	common: string;
	/** Two words, each common. */
	phrase: string;
	/** A misspelling of the common word. */
	misspelling: string;
}

export interface CorpusManifest {
	cases: number;
	seed: string;
	dir: string;
	incidentsDir: string;
	slugs: string[];
	/** The case the rare query should find. */
	rareSlug: string;
	queries: BenchQueries;
	/** Words per body: min, median, max. */
	bodyWords: { min: number; median: number; max: number };
	/** Bytes of all .mdx files. */
	bytes: number;
	/** How many cases use each term, per field. */
	termCounts: Record<string, Record<string, number>>;
	withRelated: number;
	generationMs: number;
}

/**
 * data/facets.json: the rank order of terms where declaration order would be unrealistic (other
 * terms follow), what usually goes with each vector (so that facets are coherent rather than
 * independent noise), and the sources a case may list (`{org}` and `{place}` filled in).
 */
const FACETS = JSON.parse(readFileSync(new URL('data/facets.json', import.meta.url), 'utf8')) as {
	ranks: Record<string, string[]>;
	vectorDefaults: Record<
		string,
		{ breach: string; location: string; actor: string; lessons: string[]; data?: string[] }
	>;
	sources: { id: string; kind: string; publisher: string; title: string }[];
};
const { ranks: RANKS, vectorDefaults: VECTOR_DEFAULTS, sources: SOURCE_POOL } = FACETS;

function ranked<K extends string>(v: Vocabulary<K>, key: string): K[] {
	const keys = termKeys(v);
	const order = (RANKS[key] ?? []).filter((k): k is K => (keys as string[]).includes(k));
	return [...order, ...keys.filter((k) => !order.includes(k))];
}

const z = JSON.stringify;

const DAY = 86_400_000;
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** A date at day, month or year precision. */
function partial(rng: Random, day: number, pDay = 0.7, pMonth = 0.25): string {
	const text = iso(day);
	const r = rng.next();
	return r < pDay ? text : r < pDay + pMonth ? text.slice(0, 7) : text.slice(0, 4);
}
function prose(day: number): string {
	const d = new Date(day * DAY);
	return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
const fmt = (n: number) => n.toLocaleString('en-US');

interface Case {
	slug: string;
	org: string;
	orgType: string;
	year: number;
	frontmatter: string;
	body: string;
}

interface Plan {
	org: string;
	orgType: string;
	place: string;
	year: number;
	slug: string;
}

/** Every vocabulary's terms, most frequent first. */
function termRanks() {
	const orgTypes = ranked(organizationTypes, 'organizationType');
	const vectorRank = ranked(vectors, 'vector');
	const dataRank = ranked(dataClasses, 'dataClasses');
	const breachRank = ranked(breachTypes, 'breachType');
	const locationRank = ranked(locations, 'location');
	const lessonRank = ranked(lessons, 'lessons');
	const actorRank = ranked(actors, 'actor');
	const disclosureRank = ranked(disclosures, 'disclosure');
	const outcomeRank = ranked(outcomeKinds, 'outcomeKind');
	const sourceRank = ranked(sourceKinds, 'sourceKind');
	const stateRank = [
		...RANKS.states!,
		...Object.keys(usStates).filter((s) => !RANKS.states!.includes(s)),
	] as (keyof typeof usStates)[];
	return {
		orgTypes,
		vectorRank,
		dataRank,
		breachRank,
		locationRank,
		lessonRank,
		actorRank,
		disclosureRank,
		outcomeRank,
		sourceRank,
		stateRank,
	};
}
type TermRanks = ReturnType<typeof termRanks>;

/**
 * 1. Organizations and slugs, before any case is written, so that `related` can point at any
 * case: about 12% of organizations recur in another year, a third have invented names, and the
 * rare tokens go to cases spread over the corpus.
 */
function planCases(rng: Random, n: number, orgTypes: string[]) {
	const plans: Plan[] = [];
	const usedSlugs = new Set<string>();
	const orgs: Plan[] = [];
	const rareAt = new Map<number, string>();
	// The designated rare names go to cases spread over the corpus, one token per case.
	RARE_TOKENS.forEach((token, k) => rareAt.set(Math.floor(((k + 0.5) * n) / RARE_TOKENS.length), token));
	for (let i = 0; i < n; i++) {
		const year = 2026 - Math.min(17, Math.floor(Math.abs(rng.normal(0, 5.5))) + 1);
		let plan: Plan;
		const rare = rareAt.get(i);
		if (!rare && orgs.length > 10 && rng.chance(0.12)) {
			// A repeat offender: the same organization in another year.
			const again = rng.zipf(orgs, 0.6);
			plan = { ...again, year, slug: '' };
		} else {
			const orgType = i < orgTypes.length ? orgTypes[i]! : rng.zipf(orgTypes, 1.3);
			const suffix = rng.zipf(ORG_SUFFIXES[orgType] ?? ORG_SUFFIXES['healthcare-provider']!, 0.8);
			const place = rng.zipf(PLACES, 0.5);
			const name = rare
				? `${rare} Medical`
				: rng.chance(0.35)
					? `${inventedToken(rng)} ${suffix}`
					: rng.chance(0.3)
						? `${place} ${rng.pick(['North', 'South', 'East', 'West', 'Central', 'Regional', 'United'])} ${suffix}`
						: `${place} ${suffix}`;
			plan = { org: name, orgType, place, year, slug: '' };
			// A designated rare name stays unique: it is never reused for another case.
			if (!rare) orgs.push(plan);
		}
		let slug = `${slugify(plan.org)}-${year}`;
		for (let k = 2; usedSlugs.has(slug); k++) slug = `${slugify(plan.org)}-${year}-${k}`;
		usedSlugs.add(slug);
		plans.push({ ...plan, slug });
	}

	return { plans, usedSlugs, rareAt };
}

interface CaseContext {
	seed: string;
	n: number;
	ranks: TermRanks;
	plans: Plan[];
	slugs: string[];
	usedSlugs: Set<string>;
}

/** The first case of each term's rank forces it, so that every term occurs at least once. */
const force = <T>(list: readonly T[], i: number): T | undefined => (i < list.length ? list[i] : undefined);

/**
 * 2. One case: its facts drawn around its vector's usual companions, its sources, dates in a
 * possible order, outcomes, related links, then the frontmatter and the narrative.
 */
function writeCase(plan: Plan, i: number, ctx: CaseContext) {
	const { seed, n, plans, slugs, usedSlugs } = ctx;
	const { vectorRank, dataRank, breachRank, locationRank, lessonRank, actorRank, disclosureRank } = ctx.ranks;
	const { outcomeRank, sourceRank, stateRank } = ctx.ranks;
	const r = new Random(`${seed}:${n}:${i}`);
	const vector = force(vectorRank, i) ?? r.zipf(vectorRank, 1.0);
	const defaults = VECTOR_DEFAULTS[vector] ?? VECTOR_DEFAULTS.unknown!;
	const uniq = <T>(list: T[]) => [...new Set(list)];

	const vectorList = uniq([vector, ...(r.chance(0.12) ? [r.zipf(vectorRank, 1)] : [])]);
	const breachList = uniq([
		force(breachRank, i) ?? defaults.breach,
		...(r.chance(0.08) ? [r.zipf(breachRank, 1.2)] : []),
	]) as string[];
	const locationList = uniq([
		force(locationRank, i) ?? defaults.location,
		...(r.chance(0.25) ? [r.zipf(locationRank, 1.1)] : []),
	]);
	const dataList = uniq([
		...(force(dataRank, i) ? [force(dataRank, i)!] : []),
		...r.zipfSubset(dataRank, 0.95, 1.05),
		...(defaults.data ?? []).filter(() => r.chance(0.8)),
	]);
	if (dataList.length === 0) dataList.push('names');
	const lessonList = uniq([
		...(force(lessonRank, i) ? [force(lessonRank, i)!] : []),
		...defaults.lessons.filter(() => r.chance(0.85)),
		...r.zipfSubset(lessonRank, 0.25, 1.2, 2),
	]);
	const actor = force(actorRank, i) ?? (r.chance(0.85) ? defaults.actor : r.zipf(actorRank, 1.2));
	const disclosure = force(disclosureRank, i) ?? r.zipf(disclosureRank, 1.3);
	const state = r.chance(0.9) ? r.zipf(stateRank, 1.0) : undefined;
	const recipients =
		vector === 'tracking-technology' || vectorList.includes('tracking-technology')
			? r.sample(RECIPIENTS.slice(0, 4), r.int(1, 3)).concat(r.chance(0.3) ? [r.zipf(RECIPIENTS, 1)] : [])
			: [];
	const uniqueRecipients = uniq(recipients);
	const vendor = `${r.pick(VENDOR_WORDS)} ${r.pick(['Inc.', 'LLC', 'Solutions', 'Group'])}`;
	const businessAssociates =
		vector === 'vendor-compromise' || vector === 'misdelivery' || r.chance(0.08) ? [vendor] : [];
	const system = r.zipf(SYSTEMS, 0.8);
	const tags = uniq([
		...(r.chance(0.5) ? [r.zipf(TAGS.slice(0, 12), 0.8)] : []),
		...Array.from({ length: r.int(1, 4) }, () => r.zipf(TAGS, 1.05)),
	]);

	// Sources: 2–6, always the notice; every kind appears somewhere.
	const sourceCount = r.int(2, 6);
	const pool = [SOURCE_POOL[0]!, ...r.sample(SOURCE_POOL.slice(1), sourceCount - 1)];
	const forcedKind = force(sourceRank, i);
	if (forcedKind && !pool.some((s) => s.kind === forcedKind))
		pool.push(SOURCE_POOL.find((s) => s.kind === forcedKind)!);
	const fill = (t: string) => t.replaceAll('{org}', plan.org).replaceAll('{place}', plan.place);

	// Dates, as day numbers in a possible order.
	const discovered = Math.floor(Date.UTC(plan.year, r.int(0, 8), r.int(1, 28)) / DAY);
	const start = discovered - r.int(0, 900);
	const dates: [string, number, string][] = [];
	const src = () => r.pick(pool).id;
	if (r.chance(0.6)) dates.push(['exposureStart', start, partial(r, start, 0.5, 0.35)]);
	if (r.chance(0.5)) {
		const end = start + r.int(0, discovered - start + 30);
		dates.push(['exposureEnd', end, partial(r, end)]);
	}
	if (r.chance(0.85)) dates.push(['discovered', discovered, partial(r, discovered)]);
	const reported = discovered + r.int(10, 150);
	if (r.chance(0.85)) dates.push(['reportedToRegulator', reported, partial(r, reported, 0.9, 0.1)]);
	const notified = discovered + r.int(15, 220);
	if (r.chance(0.8)) dates.push(['individualsNotified', notified, partial(r, notified)]);
	const disclosedDay = discovered + r.int(5, 160);
	if (r.chance(0.75)) dates.push(['publiclyDisclosed', disclosedDay, partial(r, disclosedDay)]);

	const affected = r.chance(0.08) ? null : Math.max(1, Math.round(Math.exp(r.normal(8.6, 2.1))));
	const affectedSource = r.pick(pool).id;

	// Outcomes: ~25% of cases, more for large ones.
	const outcomes: string[] = [];
	const forcedOutcome = force(outcomeRank, i);
	const outcomeCount = forcedOutcome ? 1 : r.chance(affected && affected > 100_000 ? 0.45 : 0.18) ? r.int(1, 2) : 0;
	for (let k = 0; k < outcomeCount; k++) {
		const kind = k === 0 && forcedOutcome ? forcedOutcome : r.zipf(outcomeRank, 1.1);
		const amount =
			kind === 'lawsuit' || kind === 'corrective-action-plan' || kind === 'criminal-charge'
				? undefined
				: Math.round(Math.exp(r.normal(12.5, 1.8)) / 1000) * 1000 || 5000;
		const when = reported + r.int(100, 1400);
		outcomes.push(
			[
				`  - kind: ${kind}`,
				`    date: ${z(partial(r, when, 0.6, 0.4))}`,
				...(amount !== undefined ? [`    amount: ${amount}`, `    currency: USD`] : []),
				`    description: ${z(`${outcomeKinds.terms[kind as keyof typeof outcomeKinds.terms].label} involving ${plan.org}${amount ? ` for $${fmt(amount)}` : ''}, over the ${vectors.terms[vector as keyof typeof vectors.terms].label.toLowerCase()} incident.`)}`,
				`    source: ${src()}`,
			].join('\n'),
		);
	}

	// Related: ~12% of cases link to 1–3 others, preferring the same organization.
	let related: string[] = [];
	if (r.chance(0.12) && n > 3) {
		const sameOrg = plans.filter((p) => p.org === plan.org && p.slug !== plan.slug).map((p) => p.slug);
		related = uniq([...sameOrg.slice(0, 2), ...Array.from({ length: r.int(1, 3) }, () => r.pick(slugs))])
			.filter((s) => s !== plan.slug)
			.slice(0, 3);
	}
	const redirectFrom = r.chance(0.01) && !usedSlugs.has(`${plan.slug}-former`) ? [`${plan.slug}-former`] : [];
	const added = iso(Math.floor(Date.UTC(2025, 0, 1) / DAY) + r.int(0, 600));
	const updated = r.chance(0.2) ? iso(Math.floor(Date.parse(added) / DAY) + r.int(1, 120)) : undefined;

	const vectorLabel = vectors.terms[vector as keyof typeof vectors.terms].label.toLowerCase();
	const dataLabels = dataList.map((d) => dataClasses.terms[d as keyof typeof dataClasses.terms].label);
	const countText = affected === null ? 'an unknown number of' : fmt(affected);
	const stateName = state ? usStates[state] : 'the United States';
	const title = `${plan.org}: ${vectorLabel} exposed data of ${affected === null ? 'an unknown number of' : fmt(affected)} people`;
	let summary = `${plan.org}, a ${organizationTypes.terms[plan.orgType as keyof typeof organizationTypes.terms].label.toLowerCase()} in ${stateName}, reported a ${vectorLabel} incident that exposed ${dataLabels.slice(0, 3).join(', ').toLowerCase()} of ${countText} people.`;
	if (summary.length > 300) summary = `${summary.slice(0, 296).replace(/\s+\S*$/, '')}…`;

	const fm = [
		'---',
		`title: ${z(title)}`,
		`summary: ${z(summary)}`,
		'organization:',
		`  name: ${z(plan.org)}`,
		`  type: ${plan.orgType}`,
		...(r.chance(0.1) ? [`  parent: ${z(`${plan.place} Health Partners`)}`] : []),
		...(state ? [`  state: ${state}`] : []),
		`  country: US`,
		`businessAssociates: ${z(businessAssociates)}`,
		`recipients: ${z(uniqueRecipients)}`,
		'individualsAffected:',
		`  count: ${affected ?? 'null'}`,
		...(affected !== null ? [`  source: ${affectedSource}`] : []),
		...(affected !== null && r.chance(0.5) ? [`  asOf: ${z(iso(reported))}`] : []),
		`register: { none: state-only, note: 'A synthetic case study.' }`,
		`dataClasses: [${dataList.join(', ')}]`,
		`breachType: [${breachList.join(', ')}]`,
		`location: [${locationList.join(', ')}]`,
		`vector: [${vectorList.join(', ')}]`,
		`actor: ${actor}`,
		`disclosure: ${disclosure}`,
		...(dates.length
			? ['dates:', ...dates.map(([key, , text]) => `  ${key}: { date: ${z(text)}, source: ${src()} }`)]
			: ['dates: {}']),
		...(outcomes.length ? ['outcomes:', ...outcomes] : ['outcomes: []']),
		`lessons: [${lessonList.join(', ')}]`,
		`tags: [${tags.join(', ')}]`,
		`related: [${related.join(', ')}]`,
		...(redirectFrom.length ? [`redirectFrom: [${redirectFrom.join(', ')}]`] : []),
		'sources:',
		...pool.map((s, k) =>
			[
				`  - id: ${s.id}`,
				`    url: https://example.org/${plan.slug}/${s.id}`,
				`    title: ${z(fill(s.title))}`,
				`    publisher: ${z(fill(s.publisher))}`,
				`    published: ${z(partial(r, reported + k * 7 + r.int(0, 60), 0.8, 0.2))}`,
				`    kind: ${s.kind}`,
				...(r.chance(0.2)
					? [`    archive: https://web.archive.org/web/2025/https://example.org/${plan.slug}/${s.id}`]
					: []),
			].join('\n'),
		),
		`added: ${z(added)}`,
		...(updated ? [`updated: ${z(updated)}`] : []),
		'---',
	].join('\n');

	const body = writeBody(r, {
		org: plan.org,
		vector,
		vendor,
		system,
		recipients: uniqueRecipients,
		stateName,
		countText,
		affected,
		dataList,
		lessonList,
		sourceIds: pool.map((s) => s.id),
		dates,
		outcomesCount: outcomes.length,
	});
	const text = `${fm}\n\n${body}\n`;
	const terms: [string, readonly string[]][] = [
		['organizationType', [plan.orgType]],
		['vector', vectorList],
		['breachType', breachList],
		['location', locationList],
		['dataClasses', dataList],
		['lessons', lessonList],
		['actor', [actor]],
		['disclosure', [disclosure]],
		['sourceKind', [...new Set(pool.map((s) => s.kind))]],
		['outcomeKind', outcomes.map((o) => /kind: (\S+)/.exec(o)![1]!)],
	];
	return { text, body, terms, related: related.length > 0 };
}

/** Generates the corpus into `<dir>/incidents/`, replacing what was there. */
export function generateCorpus(options: { cases: number; dir: string; seed?: string }): CorpusManifest {
	const started = performance.now();
	const seed = options.seed ?? 'breach-casebook-bench-v2';
	const n = options.cases;
	const rng = new Random(`${seed}:${n}`);
	const incidentsDir = join(options.dir, 'incidents');
	rmSync(options.dir, { recursive: true, force: true });
	mkdirSync(incidentsDir, { recursive: true });

	const ranks = termRanks();
	const { plans, usedSlugs, rareAt } = planCases(rng, n, ranks.orgTypes);
	const slugs = plans.map((p) => p.slug);

	// 2. Each case, from its own random stream.
	const termCounts: Record<string, Record<string, number>> = {};
	const words: number[] = [];
	let bytes = 0;
	let withRelated = 0;
	plans.forEach((plan, i) => {
		const written = writeCase(plan, i, { seed, n, ranks, plans, slugs, usedSlugs });
		writeFileSync(join(incidentsDir, `${plan.slug}.mdx`), written.text);
		bytes += Buffer.byteLength(written.text);
		words.push(wordCount(written.body));
		if (written.related) withRelated++;
		for (const [field, terms] of written.terms) {
			const c = (termCounts[field] ??= {});
			for (const t of terms) c[t] = (c[t] ?? 0) + 1;
		}
	});

	// Every term of every vocabulary must occur; the forced first cases guarantee it, this proves it.
	const vocabByField: Record<string, Vocabulary> = {
		organizationType: organizationTypes,
		vector: vectors,
		breachType: breachTypes,
		location: locations,
		dataClasses,
		lessons,
		actor: actors,
		disclosure: disclosures,
		sourceKind: sourceKinds,
		outcomeKind: outcomeKinds,
	};
	for (const [field, vocab] of Object.entries(vocabByField)) {
		const missing = Object.keys(vocab.terms).filter((t) => !termCounts[field]?.[t]);
		if (missing.length) throw new Error(`corpus: ${field} terms never used: ${missing.join(', ')}`);
	}

	const sorted = [...words].sort((a, b) => a - b);
	const rareIndex = [...rareAt.keys()][0]!;
	const manifest: CorpusManifest = {
		cases: n,
		seed,
		dir: options.dir,
		incidentsDir,
		slugs,
		rareSlug: plans[rareIndex]!.slug,
		queries: {
			rare: plans[rareIndex]!.org,
			common: 'ransomware',
			phrase: 'social security',
			misspelling: 'ransomwre',
		},
		bodyWords: { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! },
		bytes,
		termCounts,
		withRelated,
		generationMs: Math.round(performance.now() - started),
	};
	writeFileSync(join(options.dir, 'manifest.json'), JSON.stringify(manifest, null, '\t'));
	return manifest;
}

interface BodyInput {
	org: string;
	vector: string;
	vendor: string;
	system: string;
	recipients: string[];
	stateName: string;
	countText: string;
	affected: number | null;
	dataList: string[];
	lessonList: string[];
	sourceIds: string[];
	dates: [string, number, string][];
	outcomesCount: number;
}

/** The narrative: six sections, ~900 words, lists, callouts and citations to listed sources. */
function writeBody(r: Random, c: BodyInput): string {
	const cite = () => ` <Cite id="${r.pick(c.sourceIds)}"/>`;
	const maybeCite = (s: string, p = 0.45) => (r.chance(p) ? s.replace(/\.$/, `${cite()}.`) : s);
	const fill = (t: string) =>
		t
			.replaceAll('{org}', c.org)
			.replaceAll('{system}', c.system)
			.replaceAll('{vendor}', c.vendor)
			.replaceAll('{recipients}', c.recipients.length ? listText(c.recipients) : 'several advertising companies');
	const voice = voiceOf(r);
	const pad = (sentences: string[], target: number) => {
		while (wordCount(sentences.join(' ')) < target) sentences.push(maybeCite(fillerSentence(r, voice), 0.3));
		return sentences;
	};
	const paragraphs = (sentences: string[]) => {
		const out: string[] = [];
		for (let k = 0; k < sentences.length; k += 4) out.push(sentences.slice(k, k + 4).join(' '));
		return out.join('\n\n');
	};
	const vectorLabel = vectors.terms[c.vector as keyof typeof vectors.terms].label.toLowerCase();
	const dataLabels = c.dataList.map((d) => dataClasses.terms[d as keyof typeof dataClasses.terms]);
	const date = (key: string) => c.dates.find(([k]) => k === key);
	const when = (key: string, fallback: string) => {
		const d = date(key);
		return d ? prose(d[1]) : fallback;
	};

	const summary = pad(
		[
			maybeCite(
				r.pick([
					`${c.org}, based in ${c.stateName}, disclosed a ${vectorLabel} incident that affected ${c.countText} people.`,
					`A ${vectorLabel} incident at ${c.org} in ${c.stateName} touched ${c.countText} people.`,
					`${c.countText} people were caught up in a ${vectorLabel} incident that ${c.org}, of ${c.stateName}, made public.`,
				]),
				0.9,
			),
			maybeCite(
				r.pick([
					`The information involved included ${listText(dataLabels.map((d) => d.label.toLowerCase()))}.`,
					`At stake were ${listText(dataLabels.map((d) => d.label.toLowerCase()))}.`,
					`Among the details taken or seen: ${listText(dataLabels.map((d) => d.label.toLowerCase()))}.`,
				]),
				0.7,
			),
			maybeCite(
				r.pick([
					`The organization says it discovered the problem on ${when('discovered', 'an undisclosed date')} and reported it to federal regulators on ${when('reportedToRegulator', 'a date it has not given')}.`,
					`By its own account it learned of the problem on ${when('discovered', 'a date it has not shared')}, and it told HHS on ${when('reportedToRegulator', 'an unstated date')}.`,
					`Discovery came on ${when('discovered', 'an unknown date')}; the federal filing followed on ${when('reportedToRegulator', 'a date never published')}.`,
				]),
			),
		],
		110,
	);
	const happened = pad([...(VECTOR_STORY[c.vector] ?? VECTOR_STORY.unknown!).map((s) => maybeCite(fill(s), 0.6))], 210);
	const exposed = [
		maybeCite(
			r.pick([
				`The notice sent to affected people listed the following kinds of information.`,
				`Letters named these categories of data.`,
				`Depending on the person, the exposed fields were among these.`,
			]),
			0.8,
		),
		dataLabels.map((d) => `- **${d.label}**: ${d.definition.replace(/\.$/, '')}.`).join('\n'),
		paragraphs(
			pad(
				[
					maybeCite(
						r.pick([
							`Not every person had every item exposed, and ${c.org} said that the mix varied from one record to the next.`,
							`${c.org} stressed that most individuals lost only some of these fields.`,
							`Which items were involved differed between people, according to ${c.org}.`,
						]),
					),
				],
				90,
			),
		),
	];
	const found = pad(
		[
			maybeCite(
				`${r.pick(['The incident came to light on', 'It surfaced on', 'The first sign appeared on'])} ${when('discovered', 'a date that has not been made public')}, when ${r.pick(['staff noticed unusual activity', 'a patient complained', 'a researcher sent a warning', 'the vendor sent a notice', 'systems stopped working'])}.`,
				0.8,
			),
			maybeCite(
				r.pick([
					`Letters to affected individuals went out from ${when('individualsNotified', 'an unknown date')}, and the press reported the incident from ${when('publiclyDisclosed', 'an unknown date')}.`,
					`Mailed notices began on ${when('individualsNotified', 'a date not stated')}; news coverage started on ${when('publiclyDisclosed', 'an unclear date')}.`,
					`People were told from ${when('individualsNotified', 'an unrecorded date')}, and the public heard on ${when('publiclyDisclosed', 'a date not known')}.`,
				]),
			),
		],
		150,
	);
	const impact = [
		paragraphs(
			pad(
				[
					maybeCite(
						c.outcomesCount > 0
							? `The incident led to ${c.outcomesCount === 1 ? 'a regulatory or legal outcome' : 'several regulatory and legal outcomes'}, listed in the facts of this case study.`
							: `No fine, settlement or lawsuit over the incident was found in the sources consulted.`,
						0.7,
					),
				],
				130,
			),
		),
		...(r.chance(0.4)
			? [
					`<KeyFigure value="${c.affected === null ? 'Unknown' : fmt(c.affected)}" label="people affected" source="${r.pick(c.sourceIds)}"/>`,
				]
			: []),
	];
	const lessonTerms = c.lessonList.map((l) => lessons.terms[l as keyof typeof lessons.terms]);
	const lessonsPart = [
		r.pick([
			`The case teaches ${lessonTerms.length === 1 ? 'one lesson' : `${lessonTerms.length} lessons`} that apply well beyond ${c.org}.`,
			`Other providers can take ${lessonTerms.length === 1 ? 'one point' : `${lessonTerms.length} points`} from what went wrong at ${c.org}.`,
			`What went wrong here is common, and ${lessonTerms.length === 1 ? 'one takeaway stands' : `${lessonTerms.length} takeaways stand`} out.`,
		]),
		lessonTerms.map((l) => `- **${l.label}.** ${l.definition}`).join('\n'),
		paragraphs(pad([], 70)),
		...(r.chance(0.5)
			? [
					`<Callout kind="lesson">${lessonTerms[0]?.definition ?? 'Prepare to respond quickly.'} Weaknesses in ${r.pick(voice.banks.area)} are common and fixable.</Callout>`,
				]
			: []),
	];

	return [
		'## Summary',
		'',
		paragraphs(summary),
		'',
		'## What happened',
		'',
		paragraphs(happened),
		'',
		'## What was exposed',
		'',
		exposed.join('\n\n'),
		'',
		'## How it was found and disclosed',
		'',
		paragraphs(found),
		'',
		'## Impact and response',
		'',
		impact.join('\n\n'),
		'',
		'## Lessons',
		'',
		lessonsPart.join('\n\n'),
	].join('\n');
}

function listText(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
