import type { APIRoute } from 'astro';
import { getCasebook } from '../../site/collection.ts';
import { siteRoot } from '../../site/urls.ts';
import { CSV_COLUMNS, csvText } from '../../lib/casebook/export.ts';

/** One row per case study, RFC 4180, UTF-8 with a BOM; the columns are described on /data/. */
export const GET: APIRoute = async ({ site }) => {
	const { incidents } = await getCasebook();
	return new Response(csvText(incidents, CSV_COLUMNS, siteRoot(site)), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
