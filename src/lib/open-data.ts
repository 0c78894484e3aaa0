/**
 * Open-data files: what each dataset publishes besides its pages. The /data/ page, the routes that
 * write the files and the warning of a build without SITE_URL all read these lists, so a file added
 * to a dataset is listed, typed and warned about in one place.
 */
import { formatList } from './format.ts';

/** One column of a CSV file, as the data dictionary describes it. */
export interface DataColumn {
	name: string;
	description: string;
}

/** One file, or one family of files, that a dataset publishes. */
export interface OpenDataFile {
	/** Its path in the site, e.g. `data/register.csv`; `<slug>` in it stands for each of a family of files. */
	path: string;
	/** What it holds, for a reader choosing a file. */
	description: string;
	/** Its media type, which its route serves it as. */
	type: string;
	/** What in it is an absolute URL made from SITE_URL: its links (a feed), its `url` fields or its `$id`. */
	absoluteUrls?: 'links' | 'url fields' | '$id';
	/** A CSV file's columns, in order, for the data dictionary. */
	columns?: readonly DataColumn[];
}

/** The media types of open-data files. */
export const JSON_TYPE = 'application/json; charset=utf-8';
export const SCHEMA_TYPE = 'application/schema+json';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** The file at `path` in `files`, or an error naming them: a route and its listing cannot drift apart. */
export function openDataFile(files: readonly OpenDataFile[], path: string): OpenDataFile {
	const file = files.find((f) => f.path === path);
	if (!file) throw new Error(`no open-data file "${path}" (expected one of: ${files.map((f) => f.path).join(', ')})`);
	return file;
}

/** A file's body as its route serves it. */
export const openDataResponse = (file: OpenDataFile, body: string) =>
	new Response(body, { headers: { 'Content-Type': file.type } });

/** A family's path with one member's slug: `api/incidents/<slug>.json` → `api/incidents/x.json`. */
export const memberPath = (file: OpenDataFile, slug: string) => file.path.replace('<slug>', slug);

/** The lines of the SITE_URL warning that the files account for: which fields in which files. */
export function absoluteUrlOutputs(files: readonly OpenDataFile[]): string[] {
	const pathsOf = (what: OpenDataFile['absoluteUrls']) =>
		files.filter((f) => f.absoluteUrls === what).map((f) => f.path.replace('<slug>', '*'));
	return (['links', 'url fields', '$id'] as const).map((what) => `the ${what} of ${formatList(pathsOf(what))}`);
}
