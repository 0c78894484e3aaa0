import type { APIRoute } from 'astro';
import { getCasebook } from '../../site/collection.ts';
import { registerCsv } from '../../lib/register/export.ts';
import { siteRoot } from '../../site/urls.ts';

/** One row per register filing, newest first; RFC 4180, UTF-8 with a BOM. */
export const GET: APIRoute = async ({ site }) => {
	const { registerModel } = await getCasebook();
	return new Response(registerCsv(registerModel.filings, siteRoot(site)), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
