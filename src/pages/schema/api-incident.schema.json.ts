import { apiIncidentFileSchema } from '../../lib/export.ts';
import { jsonSchemaRoute } from '../../site/schema-route.ts';

/** One case study's file in the JSON API (api/incidents/<slug>.json), as JSON Schema generated from the Zod model. */
export const GET = jsonSchemaRoute(
	apiIncidentFileSchema,
	'schema/api-incident.schema.json',
	'Breach Casebook JSON API: api/incidents/<slug>.json',
);
