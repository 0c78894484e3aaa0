/**
 * A deterministic sample of the register, for a test build that needs every kind of register page
 * but not every filing: `REGISTER_SAMPLE=1` (the sub-path test, `npm run test:subpath`, builds
 * 7,900 filing pages otherwise). Never a build to deploy: `scripts/build.ts` refuses it for one,
 * says so loudly otherwise, and every page that gives the register's date says it is a sample.
 *
 * What the sample keeps, so that each kind of page is still built and link-checked:
 * - every filing a case study names, and every filing of an organization with a case study (so
 *   that an organization page lists what the full site lists);
 * - the filings the end-to-end tests open by name ({@link NAMED_FILINGS});
 * - for every value of every facet (year, state, entity type, breach type, location, business
 *   associate, status), its newest filings, so that every browse page exists;
 * - for every import, its most significant changes of each kind (revised, added, no longer listed),
 *   so that every import's page leads with what the full site's leads with;
 * - the filings still at a placeholder count, the longest wait first, beyond one page of them;
 * - every {@link SAMPLE_STRIDE}th filing, newest first, which spreads the rest over the years and
 *   gives the listings more than one page.
 *
 * Pure: the model in, the ids kept out. Keeping a filing keeps the whole record, history included.
 */
import { registerFacets } from './facets.ts';
import { changesByImport, changesByKind } from './changes.ts';
import { waitingPlaceholders } from './revisions.ts';
import { INDEX_PAGE_SIZE } from '../paging.ts';
import { formatCount } from '../format.ts';
import type { RegisterModel } from './model.ts';

/** The environment variable that asks for a sample; read by {@link registerSampleRequested} alone. */
export const REGISTER_SAMPLE_VARIABLE = 'REGISTER_SAMPLE';

/** Whether the environment asks for a sample of the register: `REGISTER_SAMPLE=1` (or `true`, `yes`). */
export function registerSampleRequested(env: Record<string, string | undefined>): boolean {
	return ['1', 'true', 'yes'].includes(env[REGISTER_SAMPLE_VARIABLE]?.trim().toLowerCase() ?? '');
}

/** Filings the end-to-end tests open by name that no other rule keeps. */
export const NAMED_FILINGS: readonly string[] = [
	// A filing of the old portal's list, with its covered entity and business associate.
	'iron-mountain-data-products-inc-now-known-as-pa-2010-07-19',
	// A filing no longer listed.
	'boston-medical-center-ma-2014-04-29',
];

/** One filing in this many, newest first, besides those kept for a reason. */
export const SAMPLE_STRIDE = 20;
/** Filings kept per facet value, and changes per import and kind. */
const PER_VALUE = 3;

/** The ids of the filings a sample of the register keeps. */
export function sampleRegisterIds(model: RegisterModel): Set<string> {
	const kept = new Set<string>(NAMED_FILINGS.filter((id) => model.byId.has(id)));
	const { filings } = model;
	for (const f of filings) if (f.caseStudies.length > 0) kept.add(f.record.id);
	for (const organization of model.organizations)
		if (organization.caseStudies.length > 0) for (const f of organization.filings) kept.add(f.record.id);
	for (const facet of registerFacets) {
		const seen = new Map<string, number>();
		for (const f of filings)
			for (const { slug } of facet.values(f)) {
				const n = seen.get(slug) ?? 0;
				if (n >= PER_VALUE) continue;
				seen.set(slug, n + 1);
				kept.add(f.record.id);
			}
	}
	for (const entry of changesByImport(filings))
		for (const list of Object.values(changesByKind(entry)))
			for (const change of list.slice(0, PER_VALUE)) kept.add(change.filing.record.id);
	for (const { filing } of waitingPlaceholders(filings, model.snapshot).slice(0, INDEX_PAGE_SIZE + PER_VALUE))
		kept.add(filing.record.id);
	filings.forEach((f, i) => i % SAMPLE_STRIDE === 0 && kept.add(f.record.id));
	return kept;
}

/** What a build says of its sample, on the console and on its pages. */
export const sampleNotice = (kept: number, of: number) =>
	`a sample of the register: ${formatCount(kept)} of its ${formatCount(of)} filings (${REGISTER_SAMPLE_VARIABLE}), for tests only, never to deploy`;

/**
 * Why a build may not hold a sample: never with `--production`, never into `dist/`, the folder a
 * deployment uploads (docs/DEPLOY.md). Undefined when the sample is allowed or not asked for.
 */
export function registerSampleProblem(
	env: Record<string, string | undefined>,
	argv: readonly string[],
	outDir: string,
): string | undefined {
	if (!registerSampleRequested(env)) return undefined;
	if (argv.includes('--production'))
		return `${REGISTER_SAMPLE_VARIABLE} is set in a build for deployment (--production): a sample of the register must never be deployed.`;
	if (/(^|[/\\])dist[/\\]?$/.test(outDir))
		return `${REGISTER_SAMPLE_VARIABLE} is set for a build into ${outDir}, the folder a deployment uploads: build the sample elsewhere (--outDir dist-subpath).`;
	return undefined;
}
