/**
 * Feed items derived from the model: the most recently added or updated case studies, newest
 * first, with the facets as categories; and the one Atom serialisation that the casebook's and the
 * register's feeds share. The routes only hand their items to these.
 */
import { Feed } from 'feed';
import { compareNewestFirst, type Incident } from './model.ts';
import { facets } from './facets.ts';
import { partialDate, earliestIso, formatPartialDate } from '../schemas/partial-date.ts';
import { absoluteUrl, incidentPath, type SiteRoot } from './urls.ts';

/** One entry of a feed. */
export interface FeedItem {
	/** The entry's permanent id; its link by default. */
	id?: string;
	title: string;
	summary: string;
	link: string;
	/** When the case study was first published here. */
	published: Date;
	/** When its facts last changed; equals `published` when never updated. */
	updated: Date;
	categories: string[];
}

const CATEGORY_FACETS = new Set(['vector', 'breach-type', 'data-class', 'organization-type']);
const asDate = (text: string) => new Date(`${earliestIso(partialDate(text))}T00:00:00Z`);

/**
 * How many case studies a feed carries. Feed readers fetch the whole file on every poll, and at
 * 10,000 case studies an unbounded Atom feed was 10.7 MB; the complete archive is in
 * `api/incidents.json` and `data/incidents.csv`.
 */
export const FEED_LIMIT = 50;

/**
 * Feed items, most recently added or updated first, at most `FEED_LIMIT`. Case studies published
 * the same day (a first batch all share one) come newest disclosure first, as in the listings.
 */
export function feedItems(incidents: readonly Incident[], site: SiteRoot): FeedItem[] {
	return incidents
		.map((i) => {
			const published = asDate(i.data.added);
			const updated = i.data.updated ? asDate(i.data.updated) : published;
			const note = i.data.updated ? ` (Updated ${formatPartialDate(partialDate(i.data.updated))}.)` : '';
			const item: FeedItem = {
				title: i.data.title,
				summary: i.data.summary + note,
				link: absoluteUrl(incidentPath(i.slug), site),
				published,
				updated,
				categories: facets.filter((f) => CATEGORY_FACETS.has(f.key)).flatMap((f) => f.values(i).map((v) => v.label)),
			};
			return { item, incident: i };
		})
		.sort(
			(a, b) =>
				b.item.updated.getTime() - a.item.updated.getTime() ||
				b.item.published.getTime() - a.item.published.getTime() ||
				compareNewestFirst(a.incident, b.incident),
		)
		.slice(0, FEED_LIMIT)
		.map(({ item }) => item);
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
