/**
 * Feed items derived from the model: the most recently added or updated case studies, newest
 * first, with the facets as categories. The RSS and Atom routes only serialise these.
 */
import type { FeedItem } from '../atom-feed.ts';
import { compareNewestFirst, type Incident } from './model.ts';
import { facets } from './facets.ts';
import { partialDate, earliestIso, formatPartialDate } from '../../schemas/partial-date.ts';
import { absoluteUrl, incidentPath, type SiteRoot } from '../urls.ts';

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
