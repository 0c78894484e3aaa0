import { incidentSchema } from '../../schemas/incident.ts';
import { jsonSchemaRoute } from '../../site/schema-route.ts';

/** The frontmatter of a write-up, as JSON Schema generated from the Zod model. */
export const GET = jsonSchemaRoute(
	incidentSchema,
	'schema/incident.schema.json',
	'Breach Casebook incident (write-up frontmatter)',
);
