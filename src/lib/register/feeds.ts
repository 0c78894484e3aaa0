/**
 * The register's Atom feeds as items: the main feed of every import's changes, and one feed per
 * state and per organization that readers follow, each carrying new filings and revised figures.
 * Derived from the imports' changes (changes.ts); the routes serialise them with atomFeed().
 */
import { atomFeed, type FeedItem } from '../atom-feed.ts';
import { snapshotDate, snapshotDayText } from './export-dates.ts';
import { absoluteUrl, feedPathOf, registerImportPath, registerPath, type SiteRoot } from '../urls.ts';
import {
	CHANGES_FEED_LIMIT,
	changesByImport,
	changesOf,
	describeChange,
	describeImport,
	feedChanges,
	type FilingChange,
	type ImportChanges,
} from './changes.ts';
import type { Filing, Organization, RegisterModel } from './model.ts';
import { SITE_TITLE } from '../site-name.ts';

/**
 * How many entries a state's or an organization's feed carries, newest first: a reader fetches the
 * whole file on every poll, and a state such as California has thousands of filings.
 */
export const FILINGS_FEED_LIMIT = 50;

/** One change to one filing as a feed entry, its id unique to the filing, the import and the kind of change. */
export function changeFeedItem(change: FilingChange, site: SiteRoot): FeedItem {
	const link = absoluteUrl(registerPath(change.filing.record.id), site);
	const date = snapshotDate(change.snapshot);
	return {
		id: `${link}#${change.snapshot}-${change.kind}`,
		title: `${change.filing.record.name}: ${describeChange(change)}`,
		summary: `In the export of ${change.snapshot}, ${describeChange(change)}.`,
		link,
		published: date,
		updated: date,
		categories: [],
	};
}

/** One import as a feed entry, linking to its page of changes. */
export function importFeedItem(entry: ImportChanges, site: SiteRoot): FeedItem {
	const date = snapshotDate(entry.snapshot);
	return {
		title: `Export of ${snapshotDayText(entry.snapshot)}: ${describeImport(entry)}`,
		summary: describeImport(entry),
		link: absoluteUrl(registerImportPath(entry.snapshot), site),
		published: date,
		updated: date,
		categories: [],
	};
}

/**
 * The register's main feed: the newest imports' revisions and new filings (feedChanges), and one
 * entry for every import, so that the feed covers all of them, at most CHANGES_FEED_LIMIT in all.
 */
export function registerFeedItems(imports: readonly ImportChanges[], site: SiteRoot): FeedItem[] {
	const summaries = imports.map((entry) => importFeedItem(entry, site)).slice(0, CHANGES_FEED_LIMIT);
	const changes = feedChanges(imports, CHANGES_FEED_LIMIT - summaries.length);
	// Newest first, as readers expect; of one import, its filings' entries before its own (a stable sort).
	return [...changes.map((c) => changeFeedItem(c, site)), ...summaries].sort(
		(a, b) => b.updated.getTime() - a.updated.getTime(),
	);
}

/**
 * The feed of some filings (a state's, an organization's): their additions and revisions, newest
 * import first, at most FILINGS_FEED_LIMIT.
 */
export function filingsFeedItems(
	imports: readonly ImportChanges[],
	filings: Iterable<Filing>,
	site: SiteRoot,
): FeedItem[] {
	return changesOf(imports, filings, FILINGS_FEED_LIMIT).map((c) => changeFeedItem(c, site));
}

/** Whether readers can follow an organization by feed: it has a case study, or at least two filings. */
export const hasOrganizationFeed = (organization: Organization) =>
	organization.caseStudies.length > 0 || organization.filings.length >= 2;

/** What every register feed says of its source and its author. */
export const REGISTER_FEED_META = {
	copyright: 'Facts from the HHS Office for Civil Rights breach portal, public U.S. government data',
	author: { name: SITE_TITLE, path: '' },
} as const;

/**
 * The Atom feed of some filings beside the page at `path` (a state's, an organization's): "New
 * filings and revised figures of <whose>", dated by the newest export where it has no entries.
 */
export function filingsFeed(
	about: { title: string; whose: string; path: string },
	filings: Iterable<Filing>,
	model: Pick<RegisterModel, 'filings' | 'snapshot'>,
	site: SiteRoot,
): string {
	return atomFeed(
		{
			...REGISTER_FEED_META,
			title: `${SITE_TITLE}: ${about.title}`,
			description: `New filings and revised figures of ${about.whose}, as each import of the HHS breach portal found them.`,
			path: about.path,
			feedPath: feedPathOf(about.path),
			updated: model.snapshot ? snapshotDate(model.snapshot) : undefined,
		},
		filingsFeedItems(changesByImport(model.filings), filings, site),
		site,
	);
}
