/**
 * The one place that reads Astro's content layer. `getCollection()` runs once per build and the
 * derived model is cached here, because calling it on every page is a bottleneck at scale
 * (withastro/astro#16297).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildIncident, newestFirst, type Incident } from '../lib/casebook/model.ts';
import { relatedIndex, type RelatedIncident } from '../lib/casebook/related.ts';
import { buildRegisterModel, type RegisterModel } from '../lib/register/model.ts';
import { registerSampleRequested, sampleNotice, sampleRegisterIds } from '../lib/register/sample.ts';

/** The whole casebook, derived once. */
export interface Casebook {
	/** Every case study, newest first. */
	incidents: Incident[];
	bySlug: Map<string, Incident>;
	entries: Map<string, CollectionEntry<'incidents'>>;
	related: (incident: Incident) => RelatedIncident[];
	/** The register as its pages show it: filings, organizations, case-study links. */
	registerModel: RegisterModel;
	/** Set when the build holds a sample of the register (REGISTER_SAMPLE, for tests): how many filings of how many. */
	registerSample?: { kept: number; of: number };
}

let cached: Promise<Casebook> | undefined;
/** In `astro dev`: what the cached model was built from, each entry's id and content digest. */
let cachedFrom: string | undefined;

/** The casebook, read from the content layer on first use. */
export function getCasebook(): Promise<Casebook> {
	// In `astro dev` write-ups change under a running server: the model is rebuilt when an entry's
	// digest changes, and reused otherwise, since a page reads it from several components.
	if (import.meta.env.DEV) return devCasebook();
	return (cached ??= buildCasebook(readCollections()));
}

const readCollections = () =>
	Promise.all([
		getCollection('incidents'),
		getCollection('register'),
		getCollection('organizations'),
		getCollection('registerImports'),
	]);

async function devCasebook(): Promise<Casebook> {
	const collections = await readCollections();
	const from = collections
		.flat()
		.map((e) => `${e.collection}/${e.id}:${(e as { digest?: string | number }).digest ?? ''}`)
		.join('\n');
	if (from !== cachedFrom || !cached) {
		cachedFrom = from;
		cached = buildCasebook(Promise.resolve(collections));
	}
	return cached;
}

async function buildCasebook(collections: ReturnType<typeof readCollections>): Promise<Casebook> {
	const [entries, filings, aliases, imports] = await collections;
	const incidents = newestFirst(entries.map((e) => buildIncident(e.id, e.data)));
	const records = filings.map((f) => f.data);
	const model = (from: typeof records) =>
		buildRegisterModel(
			from,
			incidents,
			aliases.map((a) => a.data),
			imports.map((i) => i.data),
		);
	let registerModel = model(records);
	let registerSample: Casebook['registerSample'];
	// A test build may ask for a sample of the register (src/lib/register/sample.ts): the one place the model is cut to it.
	if (registerSampleRequested(process.env)) {
		const kept = sampleRegisterIds(registerModel);
		registerModel = model(records.filter((r) => kept.has(r.id)));
		registerSample = { kept: kept.size, of: records.length };
		console.warn(`\n! This build holds ${sampleNotice(kept.size, records.length)}.\n`);
	}
	return {
		incidents,
		bySlug: new Map(incidents.map((i) => [i.slug, i])),
		entries: new Map(entries.map((e) => [e.id, e])),
		related: relatedIndex(incidents),
		registerModel,
		registerSample,
	};
}
