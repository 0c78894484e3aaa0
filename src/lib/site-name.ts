/** The casebook's name and one-line description, used in titles, feeds and metadata. */
export const SITE_TITLE = 'Breach Casebook';
export const SITE_DESCRIPTION =
	'Case studies of healthcare privacy incidents: what leaked, how, for how long, and what it cost. Every fact with its source.';
