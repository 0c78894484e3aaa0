/** The routes under /schema/: each serves the JSON Schema of one Zod model. */
import type { APIRoute } from 'astro';
import type { z } from 'astro/zod';
import { jsonSchemaOf } from '../lib/casebook/export.ts';
import { jsonResponse } from '../lib/responses.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { siteRoot } from './urls.ts';

/** A route serving `schema` as JSON Schema at `path`, which is also its `$id` (an absolute URL). */
export function jsonSchemaRoute(schema: z.ZodType, path: string, title: string): APIRoute {
	return ({ site }) =>
		jsonResponse(jsonSchemaOf(schema, absoluteUrl(path, siteRoot(site)), title), 'application/schema+json');
}
