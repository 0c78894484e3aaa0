import type { APIRoute } from 'astro';
import { getCasebook } from '../../site/collection.ts';
import { siteRoot } from '../../site/urls.ts';
import { csvText, HHS_CSV_COLUMNS } from '../../lib/casebook/export.ts';

/** The HHS breach portal's columns under its own names, one row per case study. */
export const GET: APIRoute = async ({ site }) => {
	const { incidents } = await getCasebook();
	return new Response(csvText(incidents, HHS_CSV_COLUMNS, siteRoot(site)), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
