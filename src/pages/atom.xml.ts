import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { getCasebook } from '../site/collection.ts';
import { feedItems } from '../lib/casebook/feeds.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { siteRoot } from '../site/urls.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../lib/site-name.ts';

/** Atom feed of case studies; each entry carries its published and updated dates. */
export const GET: APIRoute = async ({ site }) => {
	const { incidents } = await getCasebook();
	const items = feedItems(incidents, siteRoot(site));
	const feed = new Feed({
		id: absoluteUrl('', siteRoot(site)),
		title: SITE_TITLE,
		description: SITE_DESCRIPTION,
		link: absoluteUrl('', siteRoot(site)),
		language: 'en',
		updated: items[0]?.updated ?? new Date(0),
		generator: false,
		feedLinks: { atom: absoluteUrl('atom.xml', siteRoot(site)) },
		copyright: `${SITE_TITLE} contributors`,
		// RFC 4287 requires an author of the feed, or of every entry.
		author: { name: SITE_TITLE, link: absoluteUrl('about/', siteRoot(site)) },
	});
	for (const item of items) {
		feed.addItem({
			title: item.title,
			id: item.link,
			link: item.link,
			description: item.summary,
			date: item.updated,
			published: item.published,
			category: item.categories.map((name) => ({ name, term: name })),
		});
	}
	return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
