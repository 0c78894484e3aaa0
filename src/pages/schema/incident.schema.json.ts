import type { APIRoute } from 'astro';
import { incidentSchema } from '../../schemas/incident.ts';
import { jsonSchemaOf } from '../../lib/export.ts';
import { absoluteUrl } from '../../lib/urls.ts';

/** The frontmatter of a write-up, as JSON Schema generated from the Zod model. */
export const GET: APIRoute = ({ site }) => {
	const schema = jsonSchemaOf(
		incidentSchema,
		absoluteUrl('schema/incident.schema.json', site),
		'Breach Casebook incident (write-up frontmatter)',
	);
	return new Response(JSON.stringify(schema, null, '\t'), { headers: { 'Content-Type': 'application/schema+json' } });
};
