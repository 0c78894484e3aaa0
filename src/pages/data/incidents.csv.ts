import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { getCasebook } from '../../site/collection.ts';
import { csvRow, CSV_COLUMNS } from '../../lib/export.ts';
import { siteRoot } from '../../site/urls.ts';

/** One row per case study, RFC 4180, UTF-8. */
export const GET: APIRoute = async ({ site }) => {
	const { incidents } = await getCasebook();
	const csv = stringify(
		incidents.map((i) => csvRow(i, siteRoot(site))),
		{ header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[",\r\n]/ },
	);
	return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
