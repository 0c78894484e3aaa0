/**
 * Feed items derived from the model: one per case study, most recently added or updated first,
 * with the facets as categories. The RSS and Atom routes only serialise these.
 */
import type { Incident } from './model.ts';
import { facets } from './facets.ts';
import { partialDate, earliestIso, formatPartialDate } from './partial-date.ts';
import { absoluteUrl, incidentPath } from './urls.ts';

/** One entry of a feed. */
export interface FeedItem {
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

/** Feed items, most recently added or updated first. */
export function feedItems(incidents: readonly Incident[], site: URL | string | undefined): FeedItem[] {
	return incidents
		.map((i) => {
			const published = asDate(i.data.added);
			const updated = i.data.updated ? asDate(i.data.updated) : published;
			const note = i.data.updated ? ` (Updated ${formatPartialDate(partialDate(i.data.updated))}.)` : '';
			return {
				title: i.data.title,
				summary: i.data.summary + note,
				link: absoluteUrl(incidentPath(i.slug), site),
				published,
				updated,
				categories: facets.filter((f) => CATEGORY_FACETS.has(f.key)).flatMap((f) => f.values(i).map((v) => v.label)),
			};
		})
		.sort(
			(a, b) =>
				b.updated.getTime() - a.updated.getTime() ||
				b.published.getTime() - a.published.getTime() ||
				a.link.localeCompare(b.link),
		);
}
