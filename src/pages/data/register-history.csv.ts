import type { APIRoute } from 'astro';
import { getCasebook } from '../../site/collection.ts';
import { registerHistoryCsv } from '../../lib/register/export.ts';
import { register } from '../../datasets.ts';
import { openDataFile, openDataResponse } from '../../lib/open-data.ts';
import { siteRoot } from '../../site/urls.ts';

/** One row per filing per import that changed it, with every figure as it then stood; RFC 4180, UTF-8 with a BOM. */
export const GET: APIRoute = async ({ site }) => {
	const { registerModel } = await getCasebook();
	return openDataResponse(
		openDataFile(register.files, 'data/register-history.csv'),
		registerHistoryCsv(registerModel.filings, siteRoot(site)),
	);
};
