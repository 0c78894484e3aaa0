import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { makeRegisterRecord } from '../../../tests/fixtures/model.ts';
import { siteRoot } from '../urls.ts';
import { buildRegisterModel } from './model.ts';
import Ajv2020 from 'ajv/dist/2020.js';
import {
	apiFiling,
	apiRegisterSchema,
	REGISTER_CSV_COLUMNS,
	REGISTER_HISTORY_CSV_COLUMNS,
	registerCsv,
	registerHistoryCsv,
} from './export.ts';
import { jsonSchemaOf } from '../casebook/export.ts';

const { filings } = buildRegisterModel(
	[makeRegisterRecord('clinica-san-jose-pr-2024-01-02', 'Clínica “San José”, Inc.', '2024-01-02', { state: 'PR' })],
	[],
);

describe('the register’s CSV files', () => {
	it('name their columns in snake_case, each once, and describe each', () => {
		for (const columns of [REGISTER_CSV_COLUMNS, REGISTER_HISTORY_CSV_COLUMNS]) {
			const names = columns.map((c) => c.name);
			for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
			expect(new Set(names).size).toBe(names.length);
			for (const c of columns) expect(c.description, c.name).toMatch(/\w{3,}.*\.$/);
		}
	});

	it('start with the byte-order mark Excel needs to read accents and curly quotes, and parse back', () => {
		const csv = registerCsv(filings, siteRoot('https://casebook.example', '/'));
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv).toContain('\r\n');
		const [row] = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
		expect(row).toMatchObject({
			id: 'clinica-san-jose-pr-2024-01-02',
			url: 'https://casebook.example/register/clinica-san-jose-pr-2024-01-02/',
			name: 'Clínica “San José”, Inc.',
			state: 'PR',
		});

		const history = registerHistoryCsv(filings, siteRoot('https://casebook.example', '/'));
		expect(history.charCodeAt(0)).toBe(0xfeff);
		expect(parse(history, { columns: true, bom: true })).toMatchObject([
			{ id: 'clinica-san-jose-pr-2024-01-02', snapshot: '2024-10-08', name: 'Clínica “San José”, Inc.' },
		]);
	});
});

describe('api/register.json', () => {
	it('passes its own published schema in strict mode, and the schema rejects what the model does not write', () => {
		const site = siteRoot('https://casebook.example', '/');
		const ajv = new Ajv2020({ strict: true, allErrors: true });
		const validate = ajv.compile(
			jsonSchemaOf(apiRegisterSchema, 'https://casebook.example/schema/register.schema.json', 't'),
		);
		const body = {
			schemaVersion: '1.0.0',
			generated: '2026-12-01T00:00:00Z',
			snapshot: '2026-07-01',
			count: 1,
			filings: filings.map((f) => apiFiling(f, site)),
		};
		// The links the API adds to each record are part of the schema: url, placeholder, absent, organization, caseStudies.
		expect(validate(JSON.parse(JSON.stringify(body))), JSON.stringify(validate.errors)).toBe(true);
		const extra = { ...body, filings: [{ ...body.filings[0], unknown: 1 }] };
		expect(validate(extra)).toBe(false);
		expect(validate({ ...body, count: undefined })).toBe(false);
	});
});
