import { apiIncidentFileSchema } from '../../lib/casebook/export.ts';
import { jsonSchemaRoute } from '../../site/schema-route.ts';
import { casebook } from '../../datasets.ts';

/** One case study's file in the JSON API (api/incidents/<slug>.json), as JSON Schema generated from the Zod model. */
export const GET = jsonSchemaRoute(
	casebook.files,
	apiIncidentFileSchema,
	'schema/api-incident.schema.json',
	'Breach Casebook JSON API: api/incidents/<slug>.json',
);
