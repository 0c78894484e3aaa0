import type { APIRoute, GetStaticPaths } from 'astro';
import { getCasebook } from '../../../site/collection.ts';
import { atomResponse } from '../../../lib/atom-feed.ts';
import { filingsFeed, hasOrganizationFeed } from '../../../lib/register/feeds.ts';
import type { Organization } from '../../../lib/register/model.ts';
import { organizationPath } from '../../../lib/urls.ts';
import { siteRoot } from '../../../site/urls.ts';

/** The organizations readers can follow: those with a case study or at least two filings. */
export const getStaticPaths = (async () => {
	const { registerModel } = await getCasebook();
	return registerModel.organizations
		.filter(hasOrganizationFeed)
		.map((organization) => ({ params: { slug: organization.slug }, props: { organization } }));
}) satisfies GetStaticPaths;

/** Atom feed of one organization's filings: new filings and revised figures, as each import of the portal found them. */
export const GET: APIRoute = async ({ site, props }) => {
	const { organization } = props as { organization: Organization };
	const { registerModel } = await getCasebook();
	return atomResponse(
		filingsFeed(
			{
				title: `${organization.name} in the HHS breach register`,
				whose: organization.name,
				path: organizationPath(organization.slug),
			},
			organization.filings,
			registerModel,
			siteRoot(site),
		),
	);
};
