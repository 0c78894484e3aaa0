import type { APIRoute, GetStaticPaths } from 'astro';
import { getCasebook } from '../../../../../site/collection.ts';
import { groupByFacet, type FacetGroup } from '../../../../../lib/group-by-facet.ts';
import { atomFeed } from '../../../../../lib/atom-feed.ts';
import { register } from '../../../../../datasets.ts';
import { facetOf } from '../../../../../lib/dataset.ts';
import { NOT_GIVEN } from '../../../../../lib/register/facets.ts';
import { snapshotDate } from '../../../../../lib/register/export-dates.ts';
import { changesByImport } from '../../../../../lib/register/changes.ts';
import { filingsFeedItems, REGISTER_FEED_META } from '../../../../../lib/register/feeds.ts';
import type { Filing } from '../../../../../lib/register/model.ts';
import { feedPathOf } from '../../../../../lib/urls.ts';
import { siteRoot } from '../../../../../site/urls.ts';
import { SITE_TITLE } from '../../../../../lib/site-name.ts';

/** One state's filings in the register, as the browse page beside this feed lists them. */
export const getStaticPaths = (async () => {
	const { registerModel } = await getCasebook();
	return groupByFacet(registerModel.filings, facetOf(register, 'state'))
		.filter((group) => group.value.slug !== NOT_GIVEN.slug)
		.map((group) => ({ params: { value: group.value.slug }, props: { group } }));
}) satisfies GetStaticPaths;

/** Atom feed of one state's filings: new filings and revised figures, as each import of the portal found them. */
export const GET: APIRoute = async ({ site, props }) => {
	const { group } = props as { group: FacetGroup<Filing> };
	const { registerModel } = await getCasebook();
	const root = siteRoot(site);
	const path = register.browsePath('state', group.value.slug);
	const atom = atomFeed(
		{
			...REGISTER_FEED_META,
			title: `${SITE_TITLE}: HHS breach register, ${group.value.label}`,
			description: `New filings and revised figures of entities in ${group.value.label}, as each import of the HHS breach portal found them.`,
			path,
			feedPath: feedPathOf(path),
			updated: registerModel.snapshot ? snapshotDate(registerModel.snapshot) : undefined,
		},
		filingsFeedItems(changesByImport(registerModel.filings), group.items, root),
		root,
	);
	return new Response(atom, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
