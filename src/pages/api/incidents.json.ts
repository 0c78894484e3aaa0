import { jsonResponse } from '../../lib/responses.ts';
import type { APIRoute } from 'astro';
import { getCasebook } from '../../site/collection.ts';
import { apiIncident, SCHEMA_VERSION, type ApiIndex } from '../../lib/casebook/export.ts';
import { buildTimestamp } from '../../lib/build-info.ts';
import { siteRoot } from '../../site/urls.ts';
import { casebook } from '../../datasets.ts';
import { openDataFile } from '../../lib/open-data.ts';

/** Every case study's facts and derived measures, newest first. */
export const GET: APIRoute = async ({ site }) => {
	const { incidents } = await getCasebook();
	const body: ApiIndex = {
		schemaVersion: SCHEMA_VERSION,
		generated: buildTimestamp(),
		count: incidents.length,
		incidents: incidents.map((i) => apiIncident(i, siteRoot(site))),
	};
	return jsonResponse(body, openDataFile(casebook.files, 'api/incidents.json').type);
};
