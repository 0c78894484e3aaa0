import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { makeIncident, validFrontmatter } from '../../tests/unit/fixtures.ts';
import { apiIncident, apiIndexSchema, csvRow, CSV_COLUMNS, jsonSchemaOf } from './export.ts';
import { incidentSchema } from '../schemas/incident.ts';
import { plainCitation, bibtexCitation, cslCitation, protectCapitals } from './citation.ts';
import { FEED_LIMIT, feedItems } from './feeds.ts';

const site = 'https://casebook.example';
const incident = makeIncident('example-health-2023', (fm) => {
	fm.summary = 'Names, "quoted" words; commas, and a\nnew line.';
	fm.updated = '2026-12-01';
});

describe('JSON Schema generated from the model', () => {
	const ajv = new Ajv2020({ strict: false, allErrors: true });
	const frontmatter = ajv.compile(jsonSchemaOf(incidentSchema, `${site}/schema/incident.schema.json`, 'x'));
	const api = ajv.compile(jsonSchemaOf(apiIndexSchema, `${site}/schema/api.schema.json`, 'y'));

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

describe('CSV row', () => {
	it('puts HHS-like columns first and parses back to the same values', () => {
		expect(CSV_COLUMNS.slice(0, 3)).toEqual(['Name of Covered Entity', 'State', 'Covered Entity Type']);
		const row = csvRow(incident, site);
		expect(row['Type of Breach']).toBe('Unauthorized Access/Disclosure');
		expect(row.data_classes).toBe('Names; Email addresses');
		const text = stringify([row], { header: true, columns: [...CSV_COLUMNS] });
		const [back] = parse(text, { columns: true }) as Record<string, string>[];
		expect(back).toEqual(row);
	});
});

describe('citations', () => {
	const input = { incident, url: `${site}/incidents/example-health-2023/` };
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
		expect(cslCitation(input)).toMatchObject({ 'original-date': { 'date-parts': [[2026, 11, 23]] } });
	});
});

describe('feed items', () => {
	it('are most recently updated first, with categories and the updated date', () => {
		const older = makeIncident('older');
		const items = feedItems([older, incident], site);
		expect(items.map((i) => i.link)).toEqual([`${site}/incidents/example-health-2023/`, `${site}/incidents/older/`]);
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
			['b-2025', 'c-2024', 'a-2023'].map((slug) => `${site}/incidents/${slug}/`),
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
		expect(items[0]!.link).toBe(`${site}/incidents/case-${FEED_LIMIT + 9}/`);
		expect(items.at(-1)!.link).toBe(`${site}/incidents/case-10/`);
	});
});
