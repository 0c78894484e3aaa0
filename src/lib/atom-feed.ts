/**
 * The one Atom serialisation that every feed of the site shares, the casebook's and the
 * register's: items in, an Atom 1.0 document out, written by the `feed` package.
 */
import { Feed } from 'feed';
import { absoluteUrl, type SiteRoot } from './urls.ts';

/** The media type every Atom feed of the site is served as. */
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/** A feed's body as its route serves it. */
export const atomResponse = (atom: string) => new Response(atom, { headers: { 'Content-Type': ATOM_TYPE } });

/** One entry of a feed. */
export interface FeedItem {
	/** The entry's permanent id; its link by default. */
	id?: string;
	title: string;
	summary: string;
	link: string;
	/** When the item (a case study, a filing's change) was first published here. */
	published: Date;
	/** When it last changed; equals `published` when never updated. */
	updated: Date;
	categories: string[];
}

/** What an Atom feed says about itself. */
export interface AtomFeedMeta {
	title: string;
	description: string;
	/** The page the feed follows, and the feed's own path. */
	path: string;
	feedPath: string;
	copyright: string;
	/** The feed's author, the site; RFC 4287 requires an author of the feed, or of every entry. */
	author: { name: string; path: string };
	/** When the feed last changed, where it has no items to say so. */
	updated?: Date;
}

/** An Atom 1.0 document of `items` in their order, written by the `feed` package. */
export function atomFeed(meta: AtomFeedMeta, items: readonly FeedItem[], site: SiteRoot): string {
	const link = absoluteUrl(meta.path, site);
	const feed = new Feed({
		id: link,
		title: meta.title,
		description: meta.description,
		link,
		language: 'en',
		updated: items[0]?.updated ?? meta.updated ?? new Date(0),
		generator: false,
		feedLinks: { atom: absoluteUrl(meta.feedPath, site) },
		copyright: meta.copyright,
		author: { name: meta.author.name, link: absoluteUrl(meta.author.path, site) },
	});
	for (const item of items) {
		feed.addItem({
			title: item.title,
			id: item.id ?? item.link,
			link: item.link,
			description: item.summary,
			date: item.updated,
			published: item.published,
			category: item.categories.map((name) => ({ name, term: name })),
		});
	}
	return feed.atom1();
}
