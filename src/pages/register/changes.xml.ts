import type { APIRoute } from 'astro';
import { getCasebook } from '../../site/collection.ts';
import { atomFeed, atomResponse } from '../../lib/atom-feed.ts';
import { changesByImport } from '../../lib/register/changes.ts';
import { REGISTER_FEED_META, registerFeedItems } from '../../lib/register/feeds.ts';
import { registerChangesFeedPath, registerChangesPath } from '../../lib/urls.ts';
import { siteRoot } from '../../site/urls.ts';
import { SITE_TITLE } from '../../lib/site-name.ts';

/** Atom feed of what the imports of the HHS breach portal changed: new filings, revised figures and filings gone, and an entry for every import. */
export const GET: APIRoute = async ({ site }) => {
	const { registerModel } = await getCasebook();
	const root = siteRoot(site);
	const atom = atomFeed(
		{
			...REGISTER_FEED_META,
			title: `${SITE_TITLE}: changes in the HHS breach register`,
			description:
				'Filings the HHS breach portal added, revised or stopped listing, as each import of its exports found them.',
			path: registerChangesPath,
			feedPath: registerChangesFeedPath,
		},
		registerFeedItems(changesByImport(registerModel.filings), root),
		root,
	);
	return atomResponse(atom);
};
