/** The casebook as a dataset: its case studies, their facets, paths and open-data files. */
import { ATOM_TYPE } from '../atom-feed.ts';
import type { Dataset } from '../dataset.ts';
import { CASE_STUDY } from '../format.ts';
import { dataDictionary } from '../csv.ts';
import { CSV_TYPE, JSON_TYPE, SCHEMA_TYPE, type OpenDataFile } from '../open-data.ts';
import { BROWSE_PAGE_SIZE } from '../paging.ts';
import { browsePath, incidentPath } from '../urls.ts';
import { CSV_COLUMNS, HHS_CSV_COLUMNS } from './export.ts';
import { facets } from './facets.ts';
import type { Incident } from './model.ts';

/** Everything the casebook publishes besides its pages, in the order /data/ lists it. */
const files: readonly OpenDataFile[] = [
	{
		path: 'api/incidents.json',
		description:
			'Every case study: its facts, its canonical URL and the derived measures (exposure, notification delays).',
		type: JSON_TYPE,
		absoluteUrls: 'url fields',
	},
	{
		path: 'api/incidents/<slug>.json',
		description: 'The same for one case study.',
		type: JSON_TYPE,
		absoluteUrls: 'url fields',
	},
	{
		path: 'data/incidents.csv',
		description:
			'One row per case study (RFC 4180, UTF-8 with a byte-order mark), its columns described below; multi-valued fields joined with "; ".',
		type: CSV_TYPE,
		absoluteUrls: 'url fields',
		columns: dataDictionary(CSV_COLUMNS),
	},
	{
		path: 'data/incidents-hhs.csv',
		description:
			'The same case studies under the nine column names of the HHS OCR breach portal’s export, to set beside it in one spreadsheet.',
		type: CSV_TYPE,
		columns: dataDictionary(HHS_CSV_COLUMNS),
	},
	{
		path: 'schema/incident.schema.json',
		description: 'JSON Schema of a write-up’s facts, generated from the model.',
		type: SCHEMA_TYPE,
		absoluteUrls: '$id',
	},
	{
		path: 'schema/api.schema.json',
		description: 'JSON Schema of api/incidents.json.',
		type: SCHEMA_TYPE,
		absoluteUrls: '$id',
	},
	{
		path: 'schema/api-incident.schema.json',
		description: 'JSON Schema of api/incidents/<slug>.json.',
		type: SCHEMA_TYPE,
		absoluteUrls: '$id',
	},
	{ path: 'rss.xml', description: 'RSS 2.0 feed of case studies.', type: 'application/rss+xml', absoluteUrls: 'links' },
	{
		path: 'atom.xml',
		description: 'Atom feed of case studies.',
		type: ATOM_TYPE,
		absoluteUrls: 'links',
	},
];

/** The casebook: case studies, browsed by eleven facets. */
export const casebook: Dataset<Incident> = {
	key: 'casebook',
	noun: CASE_STUDY,
	facets,
	home: 'incidents/',
	itemPath: incidentPath,
	browsePath,
	trail: [{ label: 'Browse', path: browsePath() }],
	byFacet: { title: 'Browse by', description: 'Case studies by' },
	listingPageSize: BROWSE_PAGE_SIZE,
	files,
	feed: 'atom.xml',
};
