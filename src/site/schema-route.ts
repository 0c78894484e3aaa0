/** The routes under /schema/: each serves the JSON Schema of one Zod model. */
import type { APIRoute } from 'astro';
import type { z } from 'astro/zod';
import { jsonSchemaOf } from '../lib/casebook/export.ts';
import { jsonResponse } from '../lib/responses.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { openDataFile, type OpenDataFile } from '../lib/open-data.ts';
import { siteRoot } from './urls.ts';

/** A route serving `schema` as the open-data file `path` (one of `files`), which is also its `$id` (an absolute URL). */
export function jsonSchemaRoute(
	files: readonly OpenDataFile[],
	schema: z.ZodType,
	path: string,
	title: string,
): APIRoute {
	const file = openDataFile(files, path);
	return ({ site }) => jsonResponse(jsonSchemaOf(schema, absoluteUrl(file.path, siteRoot(site)), title), file.type);
}
