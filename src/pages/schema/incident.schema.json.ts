import { jsonResponse } from '../../lib/responses.ts';
import type { APIRoute } from 'astro';
import { incidentSchema } from '../../schemas/incident.ts';
import { jsonSchemaOf } from '../../lib/export.ts';
import { absoluteUrl } from '../../lib/urls.ts';
import { siteRoot } from '../../site/urls.ts';

/** The frontmatter of a write-up, as JSON Schema generated from the Zod model. */
export const GET: APIRoute = ({ site }) => {
	const schema = jsonSchemaOf(
		incidentSchema,
		absoluteUrl('schema/incident.schema.json', siteRoot(site)),
		'Breach Casebook incident (write-up frontmatter)',
	);
	return jsonResponse(schema, 'application/schema+json');
};
