import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/responses.ts';
import { registerRecordSchema } from '../../schemas/register.ts';
import { jsonSchemaOf } from '../../lib/export.ts';
import { absoluteUrl } from '../../lib/urls.ts';
import { siteRoot } from '../../site/urls.ts';

/** One filing of the register, as JSON Schema generated from the Zod model. */
export const GET: APIRoute = ({ site }) =>
	jsonResponse(
		jsonSchemaOf(
			registerRecordSchema,
			absoluteUrl('schema/register.schema.json', siteRoot(site)),
			'Breach Casebook register filing',
		),
		'application/schema+json',
	);
