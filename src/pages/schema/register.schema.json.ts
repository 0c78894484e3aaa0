import { apiRegisterSchema } from '../../lib/register/export.ts';
import { jsonSchemaRoute } from '../../site/schema-route.ts';

/** The register's JSON API (api/register.json), as JSON Schema generated from the Zod model. */
export const GET = jsonSchemaRoute(
	apiRegisterSchema,
	'schema/register.schema.json',
	'Breach Casebook JSON API: api/register.json',
);
