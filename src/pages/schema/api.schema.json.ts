import { jsonResponse } from '../../lib/responses.ts';
import type { APIRoute } from 'astro';
import { apiIndexSchema, jsonSchemaOf } from '../../lib/export.ts';
import { absoluteUrl } from '../../lib/urls.ts';
import { siteRoot } from '../../site/urls.ts';

/** The JSON API (api/incidents.json), as JSON Schema generated from the Zod model. */
export const GET: APIRoute = ({ site }) => {
	const schema = jsonSchemaOf(
		apiIndexSchema,
		absoluteUrl('schema/api.schema.json', siteRoot(site)),
		'Breach Casebook JSON API: api/incidents.json',
	);
	return jsonResponse(schema, 'application/schema+json');
};
