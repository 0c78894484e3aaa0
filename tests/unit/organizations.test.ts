import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOrganizations, formatProblem } from '../../src/tooling/validate.ts';
import { buildRegisterModel, organizationKey } from '../../src/lib/register/model.ts';
import { buildIncident } from '../../src/lib/casebook/model.ts';
import { incidentSchema } from '../../src/schemas/incident.ts';
import { makeRegisterRecord, validFrontmatter } from '../fixtures/model.ts';

const dir = mkdtempSync(join(tmpdir(), 'casebook-orgs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the organization alias list', () => {
	it('names the file, the line and the field of each problem', () => {
		const file = join(dir, 'organizations.yaml');
		writeFileSync(
			file,
			'- id: Kaiser Permanente\n  name: Kaiser\n  match: []\n- id: kroger\n  name: Kroger\n  match: [Kroger]\n- id: kroger\n  name: Kroger again\n  match: [PPS]\n',
		);
		expect(checkOrganizations(file).map(formatProblem)).toEqual([
			`${file}:1: [0].id: must be a slug in lowercase letters, digits and hyphens, e.g. "kaiser-permanente"`,
			`${file}:3: [0].match: must list at least one name`,
			`${file}:7: [2].id: duplicate id "kroger", also on line 4 (expected each organization once)`,
		]);
	});

	it('accepts the casebook’s own list', () => {
		expect(checkOrganizations('content/organizations.yaml')).toEqual([]);
	});
});

describe('organizations', () => {
	const record = (id: string, name: string, submitted: string) => makeRegisterRecord(id, name, submitted);

	it('groups spellings without legal forms, and the alias list joins what that misses', () => {
		expect(organizationKey('The Kroger Co.')).toBe('kroger');
		expect(organizationKey('Kroger Co')).toBe('kroger');
		const fm = validFrontmatter();
		fm.organization.name = 'Postal Prescription Services';
		fm.register = { filings: ['healthy-options-oh-2023-03-15'] };
		const pps = buildIncident('pps-2023', incidentSchema.parse(fm));
		const model = buildRegisterModel(
			[
				record('the-kroger-co-oh-2019-10-25', 'The Kroger Co.', '2019-10-25'),
				record('kroger-co-oh-2021-02-19', 'Kroger Co', '2021-02-19'),
				record(
					'healthy-options-oh-2023-03-15',
					'Healthy Options dba Postal Prescription Services – Kroger',
					'2023-03-15',
				),
				record('acme-oh-2020-01-01', 'Acme Clinic, LLC', '2020-01-01'),
			],
			[pps],
			[{ id: 'kroger', name: 'Kroger', match: ['Kroger', 'Healthy Options dba Postal Prescription Services'] }],
		);
		const kroger = model.organizationBySlug.get('kroger')!;
		expect(kroger.filings.map((f) => f.record.id)).toEqual([
			'healthy-options-oh-2023-03-15',
			'kroger-co-oh-2021-02-19',
			'the-kroger-co-oh-2019-10-25',
		]);
		expect(kroger.individuals).toBe(1800);
		// The case study's own name matches no group: it joins the organization of its filing.
		expect(model.organizationOfIncident.get('pps-2023')).toBe(kroger);
		expect(model.byId.get('healthy-options-oh-2023-03-15')!.caseStudies).toEqual([pps]);
		expect(model.organizations.map((o) => o.slug)).toEqual(['acme-clinic', 'kroger']);
	});
});
