/**
 * The synthetic corpus: N write-ups that pass the schema and the body policy, deterministic for a
 * given seed and number of cases. Its shape, in the order it is drawn:
 *
 * 1. `planCases`: an organization, a year and a slug per case, before any is written, so that
 *    `related` can point at any case. About 12% of organizations recur in another year, a third
 *    have invented names, and the rare tokens go to cases spread over the corpus.
 * 2. `drawFacts`: the facets, with skewed (Zipf-like) frequencies around what usually goes with
 *    the case's vector (data/facets.json), every vocabulary term at least once; sources, dates in
 *    a possible order, outcomes (~25%), related links (~12%) and redirects (~1%).
 * 3. `frontmatter`: those facts as YAML.
 * 4. `writeBody`: ~900 words in the six sections, with lists, `<Cite>`, `<Callout>` and
 *    `<KeyFigure>`, in the write-up's own voice (scripts/bench/text.ts; the wordings in
 *    data/words.json).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugify } from '../../src/schemas/slug.ts';
import { formatPartialDate, partialDate } from '../../src/schemas/partial-date.ts';
import { formatCount as fmt, formatList as listText } from '../../src/lib/format.ts';
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
import { WORDS, fillerSentence, voiceOf, inventedToken, wordCount } from './text.ts';
import facets from './data/facets.json' with { type: 'json' };

/**
 * data/facets.json: the rank order of terms where declaration order would be unrealistic (other
 * terms follow), what usually goes with each vector, and the sources a case may list (`{org}` and
 * `{place}` filled in).
 */
const FACETS = facets as typeof facets & {
	ranks: Record<string, string[]>;
	vectorDefaults: Record<
		string,
		{ breach: string; location: string; actor: string; lessons: string[]; data?: string[] }
	>;
};
const { vectorDefaults: VECTOR_DEFAULTS, sources: SOURCE_POOL } = FACETS;
const S = WORDS.sentences;

/** The vocabulary of each frontmatter field the corpus draws. */
const FIELDS = {
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
} as Record<string, Vocabulary>;
type Field = keyof typeof FIELDS;

/** Every field's terms, most frequent first: the order of data/facets.json, then the rest. */
const RANKS: Record<Field | 'states', string[]> = Object.fromEntries(
	[...Object.entries(FIELDS), ['states', { terms: usStates }] as const].map(([field, v]) => {
		const keys = field === 'states' ? Object.keys(usStates) : termKeys(v as Vocabulary);
		const order = (FACETS.ranks[field] ?? []).filter((k) => keys.includes(k));
		return [field, [...order, ...keys.filter((k) => !order.includes(k))]];
	}),
);
const label = (field: Field, key: string) => FIELDS[field]!.terms[key]!.label;

const z = JSON.stringify;
const uniq = <T>(list: T[]) => [...new Set(list)];
const DAY = 86_400_000;
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** A date at day, month or year precision. */
function partial(rng: Random, day: number, pDay = 0.7, pMonth = 0.25): string {
	const text = iso(day);
	const r = rng.next();
	return r < pDay ? text : r < pDay + pMonth ? text.slice(0, 7) : text.slice(0, 4);
}
const prose = (day: number) => formatPartialDate(partialDate(iso(day)));
/** A wording with `{name}` filled in, or `{name|fallback}` where the value may be missing. */
const fillIn = (template: string, values: Record<string, string | undefined>) =>
	template.replace(/\{(\w+)(?:\|([^}]*))?\}/g, (_, key: string, fallback?: string) => values[key] ?? fallback ?? '');

interface Plan {
	org: string;
	orgType: string;
	place: string;
	year: number;
	slug: string;
}

/** 1. Organizations, years and slugs. */
function planCases(rng: Random, n: number, yearSpread = 5.5) {
	const plans: Plan[] = [];
	const usedSlugs = new Set<string>();
	const orgs: Plan[] = [];
	const orgTypes = RANKS.organizationType;
	// The designated rare names go to cases spread over the corpus, one token per case.
	const rareAt = new Map<number, string>();
	WORDS.rareTokens.forEach((token, k) => rareAt.set(Math.floor(((k + 0.5) * n) / WORDS.rareTokens.length), token));
	for (let i = 0; i < n; i++) {
		const year = 2026 - Math.min(17, Math.floor(Math.abs(rng.normal(0, yearSpread))) + 1);
		let plan: Plan;
		const rare = rareAt.get(i);
		if (!rare && orgs.length > 10 && rng.chance(0.12)) {
			// A repeat offender: the same organization in another year.
			plan = { ...rng.zipf(orgs, 0.6), year, slug: '' };
		} else {
			const orgType = i < orgTypes.length ? orgTypes[i]! : rng.zipf(orgTypes, 1.3);
			const suffix = rng.zipf(WORDS.orgSuffixes[orgType] ?? WORDS.orgSuffixes['healthcare-provider']!, 0.8);
			const place = rng.zipf(WORDS.places, 0.5);
			const name = rare
				? `${rare} Medical`
				: rng.chance(0.35)
					? `${inventedToken(rng)} ${suffix}`
					: rng.chance(0.3)
						? `${place} ${rng.pick(WORDS.directions)} ${suffix}`
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

/** The first cases force each term of each rank in turn, so that every term occurs at least once. */
const force = (field: Field, i: number): string | undefined => RANKS[field][i];

/** 2. One case's facts, drawn from its own random stream. */
function drawFacts(r: Random, plan: Plan, i: number, plans: Plan[], usedSlugs: Set<string>) {
	const vector = force('vector', i) ?? r.zipf(RANKS.vector, 1.0);
	const defaults = VECTOR_DEFAULTS[vector] ?? VECTOR_DEFAULTS.unknown!;
	const also = (field: Field, p: number, s: number) => (r.chance(p) ? [r.zipf(RANKS[field], s)] : []);
	const forced = (field: Field) => (force(field, i) ? [force(field, i)!] : []);
	const vectorList = uniq([vector, ...also('vector', 0.12, 1)]);
	const breachList = uniq([force('breachType', i) ?? defaults.breach, ...also('breachType', 0.08, 1.2)]);
	const locationList = uniq([force('location', i) ?? defaults.location, ...also('location', 0.25, 1.1)]);
	const dataDrawn = uniq([
		...forced('dataClasses'),
		...r.zipfSubset(RANKS.dataClasses, 0.95, 1.05),
		...(defaults.data ?? []).filter(() => r.chance(0.8)),
	]);
	// "unknown" stands alone (the schema's rule): on the case it is forced on, and nowhere else.
	const dataList = force('dataClasses', i) === 'unknown' ? ['unknown'] : dataDrawn.filter((d) => d !== 'unknown');
	if (dataList.length === 0) dataList.push('names');
	const lessonList = uniq([
		...forced('lessons'),
		...defaults.lessons.filter(() => r.chance(0.85)),
		...r.zipfSubset(RANKS.lessons, 0.25, 1.2, 2),
	]);
	const actor = force('actor', i) ?? (r.chance(0.85) ? defaults.actor : r.zipf(RANKS.actor, 1.2));
	const disclosure = force('disclosure', i) ?? r.zipf(RANKS.disclosure, 1.3);
	const state = r.chance(0.9) ? r.zipf(RANKS.states, 1.0) : undefined;
	const recipients = uniq(
		vectorList.includes('tracking-technology')
			? r.sample(WORDS.recipients.slice(0, 4), r.int(1, 3)).concat(r.chance(0.3) ? [r.zipf(WORDS.recipients, 1)] : [])
			: [],
	);
	const vendor = `${r.pick(WORDS.vendorWords)} ${r.pick(WORDS.vendorSuffixes)}`;
	const businessAssociates =
		vector === 'vendor-compromise' || vector === 'misdelivery' || r.chance(0.08) ? [vendor] : [];
	const system = r.zipf(WORDS.systems, 0.8);
	const tags = uniq([
		...(r.chance(0.5) ? [r.zipf(WORDS.tags.slice(0, 12), 0.8)] : []),
		...Array.from({ length: r.int(1, 4) }, () => r.zipf(WORDS.tags, 1.05)),
	]);

	// Sources: 2–6, always the notice; every kind appears somewhere.
	const pool = [SOURCE_POOL[0]!, ...r.sample(SOURCE_POOL.slice(1), r.int(2, 6) - 1)];
	const forcedKind = force('sourceKind', i);
	if (forcedKind && !pool.some((s) => s.kind === forcedKind))
		pool.push(SOURCE_POOL.find((s) => s.kind === forcedKind)!);
	const src = () => r.pick(pool).id;

	// Dates, as day numbers in a possible order.
	const discovered = Math.floor(Date.UTC(plan.year, r.int(0, 8), r.int(1, 28)) / DAY);
	const start = discovered - r.int(0, 900);
	const dates: [string, number, string][] = [];
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
	const affectedSource = src();

	// Outcomes: ~25% of cases, more for large ones.
	const outcomes: { kind: string; date: string; amount?: number; source: string }[] = [];
	const forcedOutcome = force('outcomeKind', i);
	const outcomeCount = forcedOutcome ? 1 : r.chance(affected && affected > 100_000 ? 0.45 : 0.18) ? r.int(1, 2) : 0;
	for (let k = 0; k < outcomeCount; k++) {
		const kind = k === 0 && forcedOutcome ? forcedOutcome : r.zipf(RANKS.outcomeKind, 1.1);
		const amount = ['lawsuit', 'corrective-action-plan', 'criminal-charge'].includes(kind)
			? undefined
			: Math.round(Math.exp(r.normal(12.5, 1.8)) / 1000) * 1000 || 5000;
		const date = partial(r, reported + r.int(100, 1400), 0.6, 0.4);
		outcomes.push({ kind, date, amount, source: src() });
	}

	// Related: ~12% of cases link to 1–3 others, preferring the same organization.
	let related: string[] = [];
	if (r.chance(0.12) && plans.length > 3) {
		const sameOrg = plans.filter((p) => p.org === plan.org && p.slug !== plan.slug).map((p) => p.slug);
		related = uniq([...sameOrg.slice(0, 2), ...Array.from({ length: r.int(1, 3) }, () => r.pick(plans).slug)])
			.filter((s) => s !== plan.slug)
			.slice(0, 3);
	}
	const redirectFrom = r.chance(0.01) && !usedSlugs.has(`${plan.slug}-former`) ? [`${plan.slug}-former`] : [];
	const added = iso(Math.floor(Date.UTC(2025, 0, 1) / DAY) + r.int(0, 600));
	const updated = r.chance(0.2) ? iso(Math.floor(Date.parse(added) / DAY) + r.int(1, 120)) : undefined;
	return {
		vector,
		lists: { dataClasses: dataList, breachType: breachList, location: locationList, vector: vectorList },
		lessonList,
		actor,
		disclosure,
		state,
		recipients,
		vendor,
		businessAssociates,
		system,
		tags,
		pool,
		src,
		dates,
		reported,
		affected,
		affectedSource,
		outcomes,
		related,
		redirectFrom,
		added,
		updated,
	};
}
type Facts = ReturnType<typeof drawFacts>;

/** 3. The frontmatter. */
function frontmatter(r: Random, plan: Plan, f: Facts): string {
	const vectorLabel = label('vector', f.vector).toLowerCase();
	const countText = f.affected === null ? 'an unknown number of' : fmt(f.affected);
	const dataLabels = f.lists.dataClasses.map((d) => label('dataClasses', d));
	const stateName = f.state ? usStates[f.state as keyof typeof usStates] : 'the United States';
	let summary = `${plan.org}, a ${label('organizationType', plan.orgType).toLowerCase()} in ${stateName}, reported a ${vectorLabel} incident that exposed ${dataLabels.slice(0, 3).join(', ').toLowerCase()} of ${countText} people.`;
	if (summary.length > 300) summary = `${summary.slice(0, 296).replace(/\s+\S*$/, '')}…`;
	const fill = (t: string) => t.replaceAll('{org}', plan.org).replaceAll('{place}', plan.place);
	return [
		'---',
		`title: ${z(`${plan.org}: ${vectorLabel} exposed data of ${countText} people`)}`,
		`summary: ${z(summary)}`,
		'organization:',
		`  name: ${z(plan.org)}`,
		`  type: ${plan.orgType}`,
		...(r.chance(0.1) ? [`  parent: ${z(`${plan.place} Health Partners`)}`] : []),
		...(f.state ? [`  state: ${f.state}`] : []),
		`  country: US`,
		`businessAssociates: ${z(f.businessAssociates)}`,
		`recipients: ${z(f.recipients)}`,
		'individualsAffected:',
		`  count: ${f.affected ?? 'null'}`,
		...(f.affected !== null ? [`  source: ${f.affectedSource}`] : []),
		...(f.affected !== null && r.chance(0.5) ? [`  asOf: ${z(iso(f.reported))}`] : []),
		`register: { none: state-only, note: 'A synthetic case study.' }`,
		...Object.entries(f.lists).map(([field, list]) => `${field}: [${list.join(', ')}]`),
		`actor: ${f.actor}`,
		`disclosure: ${f.disclosure}`,
		...(f.dates.length
			? ['dates:', ...f.dates.map(([key, , text]) => `  ${key}: { date: ${z(text)}, source: ${f.src()} }`)]
			: ['dates: {}']),
		...(f.outcomes.length ? ['outcomes:'] : ['outcomes: []']),
		...f.outcomes.flatMap((o) => [
			`  - kind: ${o.kind}`,
			`    date: ${z(o.date)}`,
			...(o.amount !== undefined ? [`    amount: ${o.amount}`, `    currency: USD`] : []),
			`    description: ${z(`${label('outcomeKind', o.kind)} involving ${plan.org}${o.amount ? ` for $${fmt(o.amount)}` : ''}, over the ${vectorLabel} incident.`)}`,
			`    source: ${o.source}`,
		]),
		`lessons: [${f.lessonList.join(', ')}]`,
		`tags: [${f.tags.join(', ')}]`,
		`related: [${f.related.join(', ')}]`,
		...(f.redirectFrom.length ? [`redirectFrom: [${f.redirectFrom.join(', ')}]`] : []),
		'sources:',
		...f.pool.flatMap((s, k) => [
			`  - id: ${s.id}`,
			`    url: https://example.org/${plan.slug}/${s.id}`,
			`    title: ${z(fill(s.title))}`,
			`    publisher: ${z(fill(s.publisher))}`,
			`    published: ${z(partial(r, f.reported + k * 7 + r.int(0, 60), 0.8, 0.2))}`,
			`    kind: ${s.kind}`,
			...(r.chance(0.2)
				? [`    archive: https://web.archive.org/web/2025/https://example.org/${plan.slug}/${s.id}`]
				: []),
		]),
		`added: ${z(f.added)}`,
		...(f.updated ? [`updated: ${z(f.updated)}`] : []),
		'---',
	].join('\n');
}

/** 4. The narrative: six sections, ~900 words, lists, callouts and citations to listed sources. */
function writeBody(r: Random, plan: Plan, f: Facts): string {
	const sourceIds = f.pool.map((s) => s.id);
	const maybeCite = (s: string, p = 0.45) =>
		r.chance(p) ? s.replace(/\.$/, ` <Cite id="${r.pick(sourceIds)}"/>.`) : s;
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
	const dataTerms = f.lists.dataClasses.map((d) => FIELDS.dataClasses!.terms[d]!);
	const lessonTerms = f.lessonList.map((l) => FIELDS.lessons!.terms[l]!);
	const many = (one: string, n: number, word: string, verb = '') =>
		n === 1 ? `${one}${verb ? ` ${verb}s` : ''}` : `${n} ${word}${verb ? ` ${verb}` : ''}`;
	const values: Record<string, string | undefined> = {
		org: plan.org,
		vector: label('vector', f.vector).toLowerCase(),
		state: f.state ? usStates[f.state as keyof typeof usStates] : 'the United States',
		count: f.affected === null ? 'an unknown number of' : fmt(f.affected),
		data: listText(dataTerms.map((d) => d.label.toLowerCase())),
		lessons: many('one lesson', lessonTerms.length, 'lessons'),
		points: many('one point', lessonTerms.length, 'points'),
		takeaways: many('one takeaway', lessonTerms.length, 'takeaways', 'stand'),
		...Object.fromEntries(f.dates.map(([key, day]) => [key, prose(day)])),
	};
	const say = (list: string[]) => fillIn(r.pick(list), values);
	const story = (WORDS.vectorStory[f.vector] ?? WORDS.vectorStory.unknown!).map((s) =>
		s
			.replaceAll('{org}', plan.org)
			.replaceAll('{system}', f.system)
			.replaceAll('{vendor}', f.vendor)
			.replaceAll('{recipients}', f.recipients.length ? listText(f.recipients) : 'several advertising companies'),
	);

	const summary = pad(
		[maybeCite(say(S.summaryOpen), 0.9), maybeCite(say(S.summaryData), 0.7), maybeCite(say(S.summaryDates))],
		110,
	);
	const happened = pad(
		story.map((s) => maybeCite(s, 0.6)),
		210,
	);
	const exposed = [
		maybeCite(say(S.exposedIntro), 0.8),
		dataTerms.map((d) => `- **${d.label}**: ${d.definition.replace(/\.$/, '')}.`).join('\n'),
		paragraphs(pad([maybeCite(say(S.exposedMix))], 90)),
	];
	const discovered = values.discovered ?? 'a date that has not been made public';
	const found = pad(
		[maybeCite(`${r.pick(S.foundWhen)} ${discovered}, when ${r.pick(S.foundHow)}.`, 0.8), maybeCite(say(S.notified))],
		150,
	);
	const outcomes = f.outcomes.length;
	const impact = [
		paragraphs(
			pad(
				[
					maybeCite(
						outcomes > 0
							? `The incident led to ${outcomes === 1 ? 'a regulatory or legal outcome' : 'several regulatory and legal outcomes'}, listed in the facts of this case study.`
							: `No fine, settlement or lawsuit over the incident was found in the sources consulted.`,
						0.7,
					),
				],
				130,
			),
		),
		...(r.chance(0.4)
			? [
					`<KeyFigure value="${f.affected === null ? 'Unknown' : fmt(f.affected)}" label="people affected" source="${r.pick(sourceIds)}"/>`,
				]
			: []),
	];
	const lessonsPart = [
		say(S.lessonsIntro),
		lessonTerms.map((l) => `- **${l.label}.** ${l.definition}`).join('\n'),
		paragraphs(pad([], 70)),
		...(r.chance(0.5)
			? [
					`<Callout kind="lesson">${lessonTerms[0]?.definition ?? 'Prepare to respond quickly.'} Weaknesses in ${r.pick(voice.banks.area!)} are common and fixable.</Callout>`,
				]
			: []),
	];
	return Object.entries({
		Summary: paragraphs(summary),
		'What happened': paragraphs(happened),
		'What was exposed': exposed.join('\n\n'),
		'How it was found and disclosed': paragraphs(found),
		'Impact and response': impact.join('\n\n'),
		Lessons: lessonsPart.join('\n\n'),
	})
		.map(([heading, text]) => `## ${heading}\n\n${text}`)
		.join('\n\n');
}

/** The queries of every run that are words rather than names: common, a two-word phrase, a misspelling. */
export const WORD_QUERIES = { common: 'ransomware', phrase: 'social security', misspelling: 'ransomwre' };

/** Generates the corpus into `<dir>/incidents/`, replacing what was there. */
export function generateCorpus(options: {
	cases: number;
	dir: string;
	seed?: string;
	/**
	 * How far back the years of the cases spread (the standard deviation, in years, of the distance
	 * back from 2025; 5.5 by default). A smaller spread crowds more cases into the recent years.
	 */
	yearSpread?: number;
}) {
	const seed = options.seed ?? 'breach-casebook-bench-v2';
	const n = options.cases;
	const incidentsDir = join(options.dir, 'incidents');
	rmSync(options.dir, { recursive: true, force: true });
	mkdirSync(incidentsDir, { recursive: true });

	const { plans, usedSlugs, rareAt } = planCases(new Random(`${seed}:${n}`), n, options.yearSpread);
	const used: Record<string, Set<string>> = {};
	plans.forEach((plan, i) => {
		const r = new Random(`${seed}:${n}:${i}`);
		const facts = drawFacts(r, plan, i, plans, usedSlugs);
		const head = frontmatter(r, plan, facts);
		writeFileSync(join(incidentsDir, `${plan.slug}.mdx`), `${head}\n\n${writeBody(r, plan, facts)}\n`);
		const terms: Record<string, readonly string[]> = {
			...facts.lists,
			organizationType: [plan.orgType],
			lessons: facts.lessonList,
			actor: [facts.actor],
			disclosure: [facts.disclosure],
			sourceKind: facts.pool.map((s) => s.kind),
			outcomeKind: facts.outcomes.map((o) => o.kind),
		};
		for (const [field, list] of Object.entries(terms)) for (const t of list) (used[field] ??= new Set()).add(t);
	});
	// Every term of every vocabulary must occur; the forced first cases guarantee it, this proves it.
	for (const [field, vocab] of Object.entries(FIELDS)) {
		const missing = Object.keys(vocab.terms).filter((t) => !used[field]?.has(t));
		if (missing.length) throw new Error(`corpus: ${field} terms never used: ${missing.join(', ')}`);
	}

	const counts = new Map<string, number>();
	for (const p of plans) counts.set(p.org, (counts.get(p.org) ?? 0) + 1);
	const manifest = {
		cases: n,
		seed,
		dir: options.dir,
		incidentsDir,
		/** What the search measurement looks for, each meaning something in this corpus. */
		queries: {
			/** A unique organization name: one case. */
			rare: plans[[...rareAt.keys()][0]!]!.org,
			/** The organization with the most case studies. */
			organization: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0],
			state: usStates[RANKS.states[0] as keyof typeof usStates],
			...WORD_QUERIES,
		},
	};
	writeFileSync(join(options.dir, 'manifest.json'), JSON.stringify(manifest, null, '\t'));
	return manifest;
}
