import type { APIRoute } from 'astro';
import { getCasebook } from '../../site/collection.ts';
import { siteRoot } from '../../site/urls.ts';
import { HHS_CSV_COLUMNS } from '../../lib/casebook/export.ts';
import { csvText } from '../../lib/csv.ts';
import { casebook } from '../../datasets.ts';
import { openDataFile, openDataResponse } from '../../lib/open-data.ts';

/** The HHS breach portal's columns under its own names, one row per case study. */
export const GET: APIRoute = async ({ site }) => {
	const { incidents } = await getCasebook();
	return openDataResponse(
		openDataFile(casebook.files, 'data/incidents-hhs.csv'),
		csvText(incidents, HHS_CSV_COLUMNS, siteRoot(site)),
	);
};
