import { registerRecordSchema } from '../../schemas/register.ts';
import { jsonSchemaRoute } from '../../site/schema-route.ts';

/** One filing of the register, as JSON Schema generated from the Zod model. */
export const GET = jsonSchemaRoute(
	registerRecordSchema,
	'schema/register.schema.json',
	'Breach Casebook register filing',
);
