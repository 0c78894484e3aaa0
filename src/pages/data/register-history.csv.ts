import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { getCasebook } from '../../site/collection.ts';
import { registerHistoryRows, REGISTER_HISTORY_CSV_COLUMNS } from '../../lib/register/export.ts';

/** One row per filing per import that changed it, with every figure as it then stood; RFC 4180, UTF-8. */
export const GET: APIRoute = async () => {
	const { registerModel } = await getCasebook();
	const csv = stringify(registerModel.filings.flatMap(registerHistoryRows), {
		header: true,
		columns: [...REGISTER_HISTORY_CSV_COLUMNS],
		record_delimiter: 'windows',
		quoted_match: /[",\r\n]/,
	});
	return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
