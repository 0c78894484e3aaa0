import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { getCasebook } from '../../site/collection.ts';
import { registerCsvRow, REGISTER_CSV_COLUMNS } from '../../lib/register/export.ts';
import { siteRoot } from '../../site/urls.ts';

/** One row per register filing, newest first; RFC 4180, UTF-8. */
export const GET: APIRoute = async ({ site }) => {
	const { registerModel } = await getCasebook();
	const csv = stringify(
		registerModel.filings.map((f) => registerCsvRow(f, siteRoot(site))),
		{ header: true, columns: [...REGISTER_CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[",\r\n]/ },
	);
	return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
