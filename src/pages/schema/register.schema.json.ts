import { registerRecordSchema } from '../../schemas/register.ts';
import { jsonSchemaRoute } from '../../site/schema-route.ts';
import { register } from '../../datasets.ts';

/** One filing of the register, as JSON Schema generated from the Zod model. */
export const GET = jsonSchemaRoute(
	register.files,
	registerRecordSchema,
	'schema/register.schema.json',
	'Breach Casebook register filing',
);
