import type { APIRoute } from 'astro';
import { getCasebook } from '../site/collection.ts';
import { atomFeed, atomResponse } from '../lib/atom-feed.ts';
import { feedItems } from '../lib/casebook/feeds.ts';
import { siteRoot } from '../site/urls.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../lib/site-name.ts';

/** Atom feed of case studies; each entry carries its published and updated dates. */
export const GET: APIRoute = async ({ site }) => {
	const { incidents } = await getCasebook();
	const root = siteRoot(site);
	const atom = atomFeed(
		{
			title: SITE_TITLE,
			description: SITE_DESCRIPTION,
			path: '',
			feedPath: 'atom.xml',
			copyright: `${SITE_TITLE} contributors`,
			author: { name: SITE_TITLE, path: 'about/' },
		},
		feedItems(incidents, root),
		root,
	);
	return atomResponse(atom);
};
