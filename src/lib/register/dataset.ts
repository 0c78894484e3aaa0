/** The HHS breach register as a dataset: its filings, their facets, paths and open-data files. */
import { ATOM_TYPE } from '../atom-feed.ts';
import type { Dataset } from '../dataset.ts';
import { FILING } from '../format.ts';
import { CSV_TYPE, JSON_TYPE, SCHEMA_TYPE, type OpenDataFile } from '../open-data.ts';
import { INDEX_PAGE_SIZE } from '../paging.ts';
import { registerBrowsePath, registerChangesFeedPath, registerPath } from '../urls.ts';
import { dataDictionary } from '../csv.ts';
import { REGISTER_CSV_COLUMNS, REGISTER_HISTORY_CSV_COLUMNS } from './export.ts';
import { NOT_GIVEN, registerFacets, type RegisterFacet } from './facets.ts';
import type { Filing } from './model.ts';

/** Everything the register publishes besides its pages, in the order /data/ lists it. */
const files: readonly OpenDataFile[] = [
	{
		path: 'api/register.json',
		description:
			'Every filing in the HHS breach register, newest first: its figures as last exported, the history of every revision, its organization and the case studies that explain it.',
		type: JSON_TYPE,
		absoluteUrls: 'url fields',
	},
	{
		path: 'data/register.csv',
		description:
			'One row per filing (RFC 4180, UTF-8 with a byte-order mark): its current figures and how they were revised, its columns described below.',
		type: CSV_TYPE,
		absoluteUrls: 'url fields',
		columns: dataDictionary(REGISTER_CSV_COLUMNS),
	},
	{
		path: 'data/register-history.csv',
		description:
			'One row per filing per import that changed it, with every figure as it then stood, to follow a filing’s revisions in a spreadsheet.',
		type: CSV_TYPE,
		columns: dataDictionary(REGISTER_HISTORY_CSV_COLUMNS),
	},
	{
		path: 'schema/register.schema.json',
		description: 'JSON Schema of api/register.json, each filing with its history and links, generated from the model.',
		type: SCHEMA_TYPE,
		absoluteUrls: '$id',
	},
	{
		path: registerChangesFeedPath,
		description: 'Atom feed of what each import of the register changed: filings added, revised or withdrawn.',
		type: ATOM_TYPE,
		absoluteUrls: 'links',
	},
];

/** The register: every breach of 500 or more people reported to HHS OCR, browsed by seven facets. */
export const register: Dataset<Filing> & { facets: readonly RegisterFacet[] } = {
	key: 'register',
	noun: FILING,
	facets: registerFacets,
	home: registerPath(),
	itemPath: registerPath,
	browsePath: registerBrowsePath,
	trail: [
		{ label: 'Register', path: registerPath() },
		{ label: 'Browse', path: registerBrowsePath() },
	],
	byFacet: { title: 'The register by', description: 'HHS breach register filings by' },
	notGiven: NOT_GIVEN,
	listingPageSize: INDEX_PAGE_SIZE,
	files,
	feed: registerChangesFeedPath,
};
