import { incidentSchema } from '../../schemas/incident.ts';
import { jsonSchemaRoute } from '../../site/schema-route.ts';
import { casebook } from '../../datasets.ts';

/** The frontmatter of a write-up, as JSON Schema generated from the Zod model. */
export const GET = jsonSchemaRoute(
	casebook.files,
	incidentSchema,
	'schema/incident.schema.json',
	'Breach Casebook incident (write-up frontmatter)',
);
