import type { APIRoute, GetStaticPaths } from 'astro';
import { getCasebook } from '../../../site/collection.ts';
import { atomFeed } from '../../../lib/atom-feed.ts';
import { changesByImport } from '../../../lib/register/changes.ts';
import { snapshotDate } from '../../../lib/register/export-dates.ts';
import { filingsFeedItems, hasOrganizationFeed, REGISTER_FEED_META } from '../../../lib/register/feeds.ts';
import type { Organization } from '../../../lib/register/model.ts';
import { feedPathOf, organizationPath } from '../../../lib/urls.ts';
import { siteRoot } from '../../../site/urls.ts';
import { SITE_TITLE } from '../../../lib/site-name.ts';

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
	const root = siteRoot(site);
	const path = organizationPath(organization.slug);
	const atom = atomFeed(
		{
			...REGISTER_FEED_META,
			title: `${SITE_TITLE}: ${organization.name} in the HHS breach register`,
			description: `New filings and revised figures of ${organization.name}, as each import of the HHS breach portal found them.`,
			path,
			feedPath: feedPathOf(path),
			updated: registerModel.snapshot ? snapshotDate(registerModel.snapshot) : undefined,
		},
		filingsFeedItems(changesByImport(registerModel.filings), organization.filings, root),
		root,
	);
	return new Response(atom, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
