import { apiIndexSchema } from '../../lib/casebook/export.ts';
import { jsonSchemaRoute } from '../../site/schema-route.ts';
import { casebook } from '../../datasets.ts';

/** The JSON API (api/incidents.json), as JSON Schema generated from the Zod model. */
export const GET = jsonSchemaRoute(
	casebook.files,
	apiIndexSchema,
	'schema/api.schema.json',
	'Breach Casebook JSON API: api/incidents.json',
);
