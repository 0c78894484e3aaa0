import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCasebook } from '../site/collection.ts';
import { feedItems } from '../lib/casebook/feeds.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { siteRoot } from '../site/urls.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../lib/site-name.ts';

/** RSS 2.0 feed of case studies. */
export const GET: APIRoute = async ({ site }) => {
	const { incidents } = await getCasebook();
	return rss({
		title: SITE_TITLE,
		description: SITE_DESCRIPTION,
		site: absoluteUrl('', siteRoot(site)),
		xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
		customData: `<language>en</language><atom:link href="${absoluteUrl('rss.xml', siteRoot(site))}" rel="self" type="application/rss+xml"/>`,
		items: feedItems(incidents, siteRoot(site)).map((item) => ({
			title: item.title,
			description: item.summary,
			link: item.link,
			pubDate: item.updated,
			categories: item.categories,
			// RSS's own <author> must be an e-mail address; Dublin Core names the casebook, as Atom does.
			customData: `<dc:creator>${SITE_TITLE}</dc:creator>`,
		})),
	});
};
