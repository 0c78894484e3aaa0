import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { getCasebook } from '../../site/collection.ts';
import { changesByImport, describeChange, feedChanges } from '../../lib/register/changes.ts';
import { absoluteUrl, registerChangesFeedPath, registerChangesPath, registerPath } from '../../lib/urls.ts';
import { siteRoot } from '../../site/urls.ts';
import { SITE_TITLE } from '../../lib/site-name.ts';

/** Atom feed of what the latest imports of the HHS breach portal changed: one entry per filing added, revised or gone. */
export const GET: APIRoute = async ({ site }) => {
	const { registerModel } = await getCasebook();
	const changes = feedChanges(changesByImport(registerModel.filings));
	// A snapshot's id begins with its date (2022-03-30-b is a second export of that date).
	const at = (snapshot: string) => new Date(`${snapshot.slice(0, 10)}T00:00:00Z`);
	const feed = new Feed({
		id: absoluteUrl(registerChangesPath, siteRoot(site)),
		title: `${SITE_TITLE}: changes in the HHS breach register`,
		description:
			'Filings the HHS breach portal added, revised or stopped listing, as each import of its exports found them.',
		link: absoluteUrl(registerChangesPath, siteRoot(site)),
		language: 'en',
		updated: changes[0] ? at(changes[0].snapshot) : new Date(0),
		generator: false,
		feedLinks: { atom: absoluteUrl(registerChangesFeedPath, siteRoot(site)) },
		copyright: 'Facts from the HHS Office for Civil Rights breach portal, public U.S. government data',
		author: { name: SITE_TITLE, link: absoluteUrl('', siteRoot(site)) },
	});
	for (const change of changes) {
		const link = absoluteUrl(registerPath(change.filing.record.id), siteRoot(site));
		feed.addItem({
			title: `${change.filing.record.name}: ${describeChange(change)}`,
			id: `${link}#${change.snapshot}-${change.kind}`,
			link,
			description: `In the export of ${change.snapshot}, ${describeChange(change)}.`,
			date: at(change.snapshot),
		});
	}
	return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
