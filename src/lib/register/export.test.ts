import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { makeRegisterRecord } from '../../../tests/fixtures/model.ts';
import { siteRoot } from '../urls.ts';
import { buildRegisterModel } from './model.ts';
import { registerCsv, registerHistoryCsv } from './export.ts';

const { filings } = buildRegisterModel(
	[makeRegisterRecord('clinica-san-jose-pr-2024-01-02', 'Clínica “San José”, Inc.', '2024-01-02', { state: 'PR' })],
	[],
);

describe('the register’s CSV files', () => {
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

		const history = registerHistoryCsv(filings);
		expect(history.charCodeAt(0)).toBe(0xfeff);
		expect(parse(history, { columns: true, bom: true })).toMatchObject([
			{ id: 'clinica-san-jose-pr-2024-01-02', snapshot: '2024-10-08', name: 'Clínica “San José”, Inc.' },
		]);
	});
});
