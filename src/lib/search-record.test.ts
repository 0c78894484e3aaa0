import { describe, expect, it } from 'vitest';
import { makeIncident } from '../../tests/fixtures/model.ts';
import { buildRegisterModel } from './register/model.ts';
import { filingNameWeight, filingSearchRecord, searchFilterOptions, searchRecord } from './search-record.ts';
import { filingSummary, SEARCH_FILTER_KEYS, UNKNOWN } from './search-fields.ts';
import type { RegisterRecord } from '../schemas/register.ts';

const figures = {
	entityType: 'health-plan' as const,
	individualsAffected: 78_800_000 as number | null,
	breachType: ['hacking-it-incident' as const],
	location: ['network-server' as const],
	businessAssociatePresent: false,
	status: 'archived' as const,
};
const record = (id: string, submitted: string, change: Partial<RegisterRecord> = {}): RegisterRecord => ({
	id,
	name: 'Anthem, Inc.',
	...figures,
	state: 'IN',
	submitted,
	firstSeen: '2024-10-08',
	lastSeen: '2026-07-01',
	history: [{ snapshot: '2024-10-08', name: 'Anthem, Inc.', ...figures }],
	...change,
});

const caseStudy = makeIncident('example-2023');
const undated = makeIncident('undated', (fm) => {
	delete fm.organization.state;
	fm.individualsAffected.count = null;
	fm.dates = {};
});
const model = buildRegisterModel(
	[
		record('anthem-in-2015-02-13', '2015-02-13'),
		record('blank-2020-01-02', '2020-01-02', {
			name: 'Blank Clinic',
			state: null,
			entityType: null,
			individualsAffected: null,
			breachType: [],
			location: [],
			businessAssociatePresent: true,
			status: 'under-investigation',
		}),
	],
	[caseStudy, undated],
);
const anthem = model.byId.get('anthem-in-2015-02-13')!;
const blank = model.byId.get('blank-2020-01-02')!;
const pairs = (list: [string, string][]) => Object.fromEntries(list);
const valuesOf = (list: [string, string][], key: string) => list.filter(([k]) => k === key).map(([, v]) => v);

describe('a register filing’s search record', () => {
	it('gives its kind and the register’s facets under the names and labels case studies use', () => {
		const { filters } = filingSearchRecord(anthem, 'Anthem');
		expect(filters).toEqual([
			['kind', 'Register filing'],
			['year', '2015'],
			['state', 'Indiana'],
			['organization-type', 'Health plan'],
			['breach-type', 'Hacking/IT Incident'],
			['location', 'Network Server'],
			['status', 'Archived'],
			['business-associate', 'Not present'],
		]);
		// Every name is one the search page offers.
		for (const [key] of filters) expect(SEARCH_FILTER_KEYS).toContain(key);
	});

	it('writes the count with separators and the filing date as readers see it, and no summary', () => {
		const { filters, meta, sort } = filingSearchRecord(anthem, 'Anthem');
		// Pagefind makes every metadata value searchable: a summary would make its words match
		// thousands of filings. The browser makes the line from the filters.
		expect(pairs(meta)).toEqual({ organization: 'Anthem', date: '13 February 2015', affected: '78,800,000' });
		const byKey: Record<string, string[]> = {};
		for (const [key, value] of filters) (byKey[key] ??= []).push(value);
		expect(filingSummary(byKey)).toBe('Hacking/IT Incident (Network Server) · Health plan, Indiana');
		expect(pairs(sort).affected).toBe('000078800000');
		// A date key that sorts as text as it does as a date.
		expect(pairs(sort).date).toMatch(/^\d{6}$/);
		expect(pairs(sort).date < pairs(filingSearchRecord(blank, 'Blank Clinic').sort).date!).toBe(true);
	});

	it('leaves out what the portal left blank, and says "unknown" where a result shows it', () => {
		const { filters, meta, sort } = filingSearchRecord(blank, 'Blank Clinic');
		expect(valuesOf(filters, 'state')).toEqual([]);
		expect(valuesOf(filters, 'organization-type')).toEqual([]);
		expect(valuesOf(filters, 'breach-type')).toEqual([]);
		expect(valuesOf(filters, 'business-associate')).toEqual(['Present']);
		expect(pairs(meta).affected).toBe(UNKNOWN);
		expect(pairs(sort).affected).toBe('000000000000');
		const byKey: Record<string, string[]> = {};
		for (const [key, value] of filters) (byKey[key] ??= []).push(value);
		expect(filingSummary(byKey)).toBe('Breach of an unreported type · Entity of an unreported type');
	});
});

describe('a case study’s search record', () => {
	it('gives its kind, the shared filters and its own, with the count separated', () => {
		const { filters, meta } = searchRecord(caseStudy);
		expect(filters[0]).toEqual(['kind', 'Case study']);
		expect(valuesOf(filters, 'state')).toEqual(['Oregon']);
		expect(valuesOf(filters, 'organization-type')).toEqual(['Healthcare provider']);
		expect(valuesOf(filters, 'data-class').length).toBeGreaterThan(0);
		expect(valuesOf(filters, 'status')).toEqual([]);
		expect(pairs(meta).affected).toBe('1,200');
		expect(pairs(meta).summary).toBe(caseStudy.data.summary);
	});

	it('says "unknown" for an unknown count and date, and sorts them first', () => {
		const { filters, meta, sort } = searchRecord(undated);
		expect(pairs(meta)).toMatchObject({ date: UNKNOWN, affected: UNKNOWN });
		expect(pairs(sort)).toEqual({ date: '000000', affected: '000000000000' });
		expect(valuesOf(filters, 'year')).toEqual([]);
	});
});

describe('the search page’s filters', () => {
	const options = searchFilterOptions([caseStudy, undated], model.filings);
	const filter = (key: string) => options.find((o) => o.key === key)!;

	it('count each kind, and the kinds add up to every page indexed', () => {
		expect(filter('kind').values).toEqual([
			{ slug: 'case-study', label: 'Case study', count: 2, byKind: { 'case-study': 2, filing: 0 } },
			{ slug: 'filing', label: 'Register filing', count: 2, byKind: { 'case-study': 0, filing: 2 } },
		]);
	});

	it('join a value that both kinds share, and keep each kind’s count', () => {
		const states = filter('state').values;
		expect(states.map((v) => [v.label, v.count, v.byKind])).toEqual([
			['Indiana', 1, { 'case-study': 0, filing: 1 }],
			['Oregon', 1, { 'case-study': 1, filing: 0 }],
		]);
		expect(filter('year').values.map((v) => v.slug)).toEqual(['2023', '2020', '2015']);
	});

	it('offer a filing-only filter whose counts add up to the filings', () => {
		const status = filter('status').values;
		expect(status.reduce((n, v) => n + v.count, 0)).toBe(model.filings.length);
		expect(status.every((v) => v.byKind['case-study'] === 0)).toBe(true);
	});
});

describe('filingNameWeight', () => {
	it('weighs a filing that a case study covers above the others, and both below a heading', () => {
		const covered = buildRegisterModel(
			[record('anthem-in-2015-02-13', '2015-02-13'), record('anthem-in-2016-10-26', '2016-10-26')],
			[makeIncident('anthem-2015', (fm) => (fm.register = { filings: ['anthem-in-2015-02-13'] }))],
		);
		const weight = (id: string) => filingNameWeight(covered.byId.get(id)!);
		expect(weight('anthem-in-2015-02-13')).toBeGreaterThan(weight('anthem-in-2016-10-26'));
		// Pagefind weighs an h1 7 by default; a case study's title weighs 10.
		expect(weight('anthem-in-2015-02-13')).toBeLessThan(7);
	});
});
