import type { APIRoute } from 'astro';
import { getCasebook } from '../../site/collection.ts';
import { registerHistoryCsv } from '../../lib/register/export.ts';

/** One row per filing per import that changed it, with every figure as it then stood; RFC 4180, UTF-8 with a BOM. */
export const GET: APIRoute = async () => {
	const { registerModel } = await getCasebook();
	return new Response(registerHistoryCsv(registerModel.filings), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
