import { jsonResponse } from '../../../lib/responses.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCasebook } from '../../../site/collection.ts';
import { apiIncident, SCHEMA_VERSION, type ApiIncidentFile } from '../../../lib/casebook/export.ts';
import { buildTimestamp } from '../../../lib/build-info.ts';
import { siteRoot } from '../../../site/urls.ts';
import { casebook } from '../../../datasets.ts';
import { openDataFile } from '../../../lib/open-data.ts';

// In a build these files are written from api/incidents.json by src/integrations/incident-json.ts,
// which is much faster at scale; this route serves them in `astro dev`.
export const getStaticPaths = (async () => {
	if (!import.meta.env.DEV) return [];
	const { incidents } = await getCasebook();
	return incidents.map((i) => ({ params: { slug: i.slug } }));
}) satisfies GetStaticPaths;

/** One case study's facts and derived measures. */
export const GET: APIRoute = async ({ params, site }) => {
	const { bySlug } = await getCasebook();
	const body: ApiIncidentFile = {
		schemaVersion: SCHEMA_VERSION,
		generated: buildTimestamp(),
		incident: apiIncident(bySlug.get(params.slug!)!, siteRoot(site)),
	};
	return jsonResponse(body, openDataFile(casebook.files, 'api/incidents/<slug>.json').type);
};
