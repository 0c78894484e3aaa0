import { apiRegisterSchema } from '../../lib/register/export.ts';
import { jsonSchemaRoute } from '../../site/schema-route.ts';
import { register } from '../../datasets.ts';

/** The register's JSON API (api/register.json), as JSON Schema generated from the Zod model. */
export const GET = jsonSchemaRoute(
	register.files,
	apiRegisterSchema,
	'schema/register.schema.json',
	'Breach Casebook JSON API: api/register.json',
);
