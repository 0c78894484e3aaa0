import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { makeIncident, validFrontmatter } from '../../../tests/fixtures/model.ts';
import {
	apiIncident,
	apiIncidentFileSchema,
	apiIndexSchema,
	CSV_COLUMNS,
	HHS_CSV_COLUMNS,
	jsonSchemaOf,
} from './export.ts';
import { incidentSchema } from '../../schemas/incident.ts';
import { plainCitation, bibtexCitation, cslCitation, protectCapitals } from './citation.ts';
import { FEED_LIMIT, feedItems } from './feeds.ts';
import { siteRoot } from '../urls.ts';
import { csvRowOf, csvText } from '../csv.ts';

const origin = 'https://casebook.example';
const site = siteRoot(origin, '/');
const incident = makeIncident('example-health-2023', (fm) => {
	fm.summary = 'Names, "quoted" words; commas, and a\nnew line.';
	fm.updated = '2026-12-01';
});

describe('JSON Schema generated from the model', () => {
	const ajv = new Ajv2020({ strict: false, allErrors: true });
	const frontmatter = ajv.compile(jsonSchemaOf(incidentSchema, `${origin}/schema/incident.schema.json`, 'x'));
	const api = ajv.compile(jsonSchemaOf(apiIndexSchema, `${origin}/schema/api.schema.json`, 'y'));

	it('accepts valid frontmatter and rejects what the model rejects', () => {
		expect(frontmatter(validFrontmatter())).toBe(true);
		const bad = validFrontmatter();
		bad.vector = ['teleportation'];
		bad.dates.discovered.date = '10/01/2023';
		expect(frontmatter(bad)).toBe(false);
		expect(frontmatter.errors!.map((e) => e.instancePath)).toEqual(
			expect.arrayContaining(['/vector/0', '/dates/discovered/date']),
		);
	});

	it('validates the API records', () => {
		const body = {
			schemaVersion: '1.0.0',
			generated: new Date().toISOString(),
			count: 1,
			incidents: [apiIncident(incident, site)],
		};
		expect(api(JSON.parse(JSON.stringify(body))), JSON.stringify(api.errors)).toBe(true);
	});
});

describe('the published schemas', () => {
	it('compile in ajv strict mode and take the files the site writes', () => {
		const ajv = new Ajv2020({ strict: true, allErrors: true });
		const record = JSON.parse(JSON.stringify(apiIncident(incident, site)));
		const header = { schemaVersion: '1.0.0', generated: '2026-12-01T00:00:00Z' };
		const index = ajv.compile(jsonSchemaOf(apiIndexSchema, `${origin}/schema/api.schema.json`, 'a'));
		expect(index({ ...header, count: 1, incidents: [record] }), JSON.stringify(index.errors)).toBe(true);
		const file = ajv.compile(jsonSchemaOf(apiIncidentFileSchema, `${origin}/schema/api-incident.schema.json`, 'b'));
		expect(file({ ...header, incident: record }), JSON.stringify(file.errors)).toBe(true);
		expect(file({ ...header, incident: { ...record, extra: true } })).toBe(false);
	});
});

describe('API record', () => {
	it('carries the canonical URL, the facts and the derived measures', () => {
		const record = apiIncident(incident, site);
		expect(record.url).toBe('https://casebook.example/incidents/example-health-2023/');
		expect(record.derived).toMatchObject({
			exposureDays: { min: 3088, max: 3118 },
			discoveryToNotificationDays: { min: 50, max: 80 },
			notification: 'possibly-late',
		});
	});
});

describe('CSV', () => {
	it('has one header style, snake_case, each column once and described', () => {
		const names = CSV_COLUMNS.map((c) => c.name);
		for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
		expect(new Set(names).size).toBe(names.length);
		for (const c of CSV_COLUMNS) expect(c.description, c.name).toMatch(/\w{3,}.*\.$/);
		expect(names).toContain('date_reported_to_regulator');
		expect(names).not.toContain('Breach Submission Date');
	});

	it('parses back to the same values, past the byte-order mark Excel needs', () => {
		const text = csvText([incident], CSV_COLUMNS, site);
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const [back] = parse(text, { columns: true, bom: true }) as Record<string, string>[];
		const row = csvRowOf(incident, CSV_COLUMNS, site);
		expect(back).toEqual(row);
		expect(row.breach_types).toBe('Unauthorized Access/Disclosure');
		expect(row.data_classes).toBe('Names; Email addresses');
		expect(row.date_reported_to_regulator).toBe('2023-03-10');
	});

	it('fills updated with the date added when the facts never changed', () => {
		expect(csvRowOf(makeIncident('never-updated'), CSV_COLUMNS, site).updated).toBe('2026-11-23');
		expect(csvRowOf(incident, CSV_COLUMNS, site).updated).toBe('2026-12-01');
	});

	it('keeps an HHS-portal export under the portal’s own column names', () => {
		const [header, row] = parse(csvText([incident], HHS_CSV_COLUMNS, site), { bom: true }) as string[][];
		expect(header).toEqual([
			'Name of Covered Entity',
			'State',
			'Covered Entity Type',
			'Individuals Affected',
			'Breach Submission Date',
			'Type of Breach',
			'Location of Breached Information',
			'Business Associate Present',
			'Web Description',
		]);
		expect(row).toEqual([
			'Example Health',
			'OR',
			'Healthcare provider',
			'1200',
			'2023-03-10',
			'Unauthorized Access/Disclosure',
			'Network Server',
			'No',
			incident.data.summary,
		]);
	});
});

describe('citations', () => {
	const input = { incident, url: `${origin}/incidents/example-health-2023/` };
	it('carry title, site, URL and dates in every format', () => {
		expect(plainCitation(input)).toBe(
			'Breach Casebook. (2026, December 1). Example Health: a migration exposed names and emails (updated 1 December 2026; first published 23 November 2026). https://casebook.example/incidents/example-health-2023/',
		);
		const bib = bibtexCitation(input);
		expect(bib).toMatch(/^@misc\{example_health_2023,/);
		expect(bib).toContain('url = {https://casebook.example/incidents/example-health-2023/}');
		expect(bib).toContain('note = {First published 2026-11-23, updated 2026-12-01}');
		expect(cslCitation(input)).toMatchObject({
			type: 'webpage',
			title: incident.data.title,
			author: [{ literal: 'Breach Casebook' }],
			URL: input.url,
			issued: { 'date-parts': [[2026, 12, 1]] },
		});
	});

	it("name the casebook as a corporate author, once, and protect the title's capitals", () => {
		const bib = bibtexCitation(input);
		expect(bib).toContain('author = {{Breach Casebook}}');
		expect(bib).toContain('title = {{Example} {Health:} a migration exposed names and emails}');
		expect(protectCapitals('Novant: a Meta Pixel in MyChart sent data to X, not x')).toBe(
			'{Novant:} a {Meta} {Pixel} in {MyChart} sent data to {X,} not x',
		);
		expect(cslCitation(input)).not.toHaveProperty('container-title');
	});

	it('give the date of the version cited, and leave the access date to the reader', () => {
		const never = makeIncident('never-updated');
		expect(plainCitation({ incident: never, url: 'u' })).toBe(
			'Breach Casebook. (2026, November 23). Example Health: a migration exposed names and emails. u',
		);
		expect(plainCitation(input)).not.toMatch(/Retrieved/);
		expect(bibtexCitation(input)).not.toMatch(/urldate/);
		expect(cslCitation(input)).not.toHaveProperty('accessed');
		// CSL's original-date is a reprint's first edition: APA would print "Original work published".
		expect(cslCitation(input)).not.toHaveProperty('original-date');
		expect(bibtexCitation(input)).toContain('date = {2026-12-01}');
	});
});

describe('feed items', () => {
	it('are most recently updated first, with categories and the updated date', () => {
		const older = makeIncident('older');
		const items = feedItems([older, incident], site);
		expect(items.map((i) => i.link)).toEqual([
			`${origin}/incidents/example-health-2023/`,
			`${origin}/incidents/older/`,
		]);
		expect(items[0]!.updated.toISOString()).toBe('2026-12-01T00:00:00.000Z');
		expect(items[0]!.categories).toContain('Programming error');
	});

	it('break ties of the same day by disclosure, newest first', () => {
		const disclosed = (slug: string, date: string) =>
			makeIncident(slug, (fm) => (fm.dates.publiclyDisclosed = { date, source: 'notice' }));
		const items = feedItems(
			[disclosed('a-2023', '2023-02-04'), disclosed('b-2025', '2025-02-21'), disclosed('c-2024', '2024-06')],
			site,
		);
		expect(items.map((i) => i.link)).toEqual(
			['b-2025', 'c-2024', 'a-2023'].map((slug) => `${origin}/incidents/${slug}/`),
		);
		expect(new Set(items.map((i) => i.published.toISOString()))).toEqual(new Set(['2026-11-23T00:00:00.000Z']));
	});

	it('carry only the most recently added case studies once there are more than FEED_LIMIT', () => {
		const day = (d: number) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
		const many = Array.from({ length: FEED_LIMIT + 10 }, (_, d) =>
			makeIncident(`case-${d}`, (fm) => (fm.added = day(d))),
		);
		const items = feedItems(many, site);
		expect(items).toHaveLength(FEED_LIMIT);
		expect(items[0]!.link).toBe(`${origin}/incidents/case-${FEED_LIMIT + 9}/`);
		expect(items.at(-1)!.link).toBe(`${origin}/incidents/case-10/`);
	});
});
