import type { APIRoute, GetStaticPaths } from 'astro';
import { getCasebook } from '../../../../../site/collection.ts';
import { groupByFacet, type FacetGroup } from '../../../../../lib/group-by-facet.ts';
import { atomResponse } from '../../../../../lib/atom-feed.ts';
import { register } from '../../../../../datasets.ts';
import { facetOf } from '../../../../../lib/dataset.ts';
import { NOT_GIVEN } from '../../../../../lib/register/facets.ts';
import { filingsFeed } from '../../../../../lib/register/feeds.ts';
import type { Filing } from '../../../../../lib/register/model.ts';
import { siteRoot } from '../../../../../site/urls.ts';

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
	return atomResponse(
		filingsFeed(
			{
				title: `HHS breach register, ${group.value.label}`,
				whose: `entities in ${group.value.label}`,
				path: register.browsePath('state', group.value.slug),
			},
			group.items,
			registerModel,
			siteRoot(site),
		),
	);
};
