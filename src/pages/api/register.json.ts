import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/responses.ts';
import { getCasebook } from '../../site/collection.ts';
import { SCHEMA_VERSION } from '../../lib/casebook/export.ts';
import { apiFiling, type ApiRegister } from '../../lib/register/export.ts';
import { buildTimestamp } from '../../lib/build-info.ts';
import { siteRoot } from '../../site/urls.ts';
import { register } from '../../datasets.ts';
import { openDataFile } from '../../lib/open-data.ts';

/** Every filing in the HHS breach register with its history and its case studies, newest first. */
export const GET: APIRoute = async ({ site }) => {
	const { registerModel } = await getCasebook();
	return jsonResponse(
		{
			schemaVersion: SCHEMA_VERSION,
			generated: buildTimestamp(),
			snapshot: registerModel.snapshot ?? null,
			count: registerModel.filings.length,
			filings: registerModel.filings.map((f) => apiFiling(f, siteRoot(site))),
		} satisfies ApiRegister,
		openDataFile(register.files, 'api/register.json').type,
	);
};
