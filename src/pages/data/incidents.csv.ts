import type { APIRoute } from 'astro';
import { getCasebook } from '../../site/collection.ts';
import { siteRoot } from '../../site/urls.ts';
import { CSV_COLUMNS } from '../../lib/casebook/export.ts';
import { csvText } from '../../lib/csv.ts';
import { casebook } from '../../datasets.ts';
import { openDataFile, openDataResponse } from '../../lib/open-data.ts';

/** One row per case study, RFC 4180, UTF-8 with a BOM; the columns are described on /data/. */
export const GET: APIRoute = async ({ site }) => {
	const { incidents } = await getCasebook();
	return openDataResponse(
		openDataFile(casebook.files, 'data/incidents.csv'),
		csvText(incidents, CSV_COLUMNS, siteRoot(site)),
	);
};
