import { describe, expect, it } from 'vitest';
import { incidentSchema } from './incident.ts';
import { validFrontmatter } from '../../tests/fixtures/model.ts';

/** The issues of a parse as `field: message` lines, for readable assertions. */
function issues(data: unknown): string[] {
	const result = incidentSchema.safeParse(data);
	return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('incidentSchema: valid frontmatter', () => {
	it('accepts a complete write-up and applies defaults', () => {
		const data = incidentSchema.parse(validFrontmatter());
		expect(data.redirectFrom).toEqual([]);
		expect(data.businessAssociates).toEqual([]);
		expect(data.organization.country).toBe('US');
	});

	it('takes YAML dates and years back to partial-date text', () => {
		const fm = validFrontmatter();
		fm.dates.discovered.date = new Date('2023-01-10T00:00:00Z');
		fm.sources[1].published = 2023;
		const data = incidentSchema.parse(fm);
		expect(data.dates.discovered?.date).toBe('2023-01-10');
		expect(data.sources[1]?.published).toBe('2023');
	});

	it('accepts null for an unknown count, without a source', () => {
		const fm = validFrontmatter();
		fm.individualsAffected = { count: null };
		expect(issues(fm)).toEqual([]);
	});
});

describe('incidentSchema: invalid frontmatter', () => {
	it('rejects 0 as a stand-in for unknown', () => {
		const fm = validFrontmatter();
		fm.individualsAffected.count = 0;
		expect(issues(fm)).toEqual([expect.stringMatching(/^individualsAffected\.count: is 0; write `count: null`/)]);
	});

	it('rejects a negative count', () => {
		const fm = validFrontmatter();
		fm.individualsAffected.count = -5;
		expect(issues(fm)).toEqual([expect.stringMatching(/^individualsAffected\.count: must be positive/)]);
	});

	it('rejects a summary over 300 characters, saying how long it is', () => {
		const fm = validFrontmatter();
		fm.summary = 'x'.repeat(301);
		expect(issues(fm)).toEqual(['summary: is 301 characters long (expected at most 300)']);
	});

	it('rejects a title that is only whitespace', () => {
		const fm = validFrontmatter();
		fm.title = '   ';
		expect(issues(fm)).toEqual(['title: title must not be empty']);
	});

	it('suggests the closest term for a misspelt vocabulary value', () => {
		const fm = validFrontmatter();
		fm.dataClasses = ['names', 'emails'];
		fm.vector = ['tracking-tech'];
		expect(issues(fm)).toEqual([
			expect.stringMatching(/^dataClasses\.1: unknown data class "emails"; did you mean "email-addresses"\?/),
			expect.stringMatching(/^vector\.0: unknown vector "tracking-tech"; did you mean "tracking-technology"\?/),
		]);
	});

	it('accepts "unknown" data classes only on their own', () => {
		const fm = validFrontmatter();
		fm.dataClasses = ['unknown'];
		expect(issues(fm)).toEqual([]);
		fm.dataClasses = ['names', 'unknown'];
		expect(issues(fm)).toEqual([expect.stringMatching(/^dataClasses: "unknown" stands alone/)]);
	});

	it('accepts only the exact HHS breach types', () => {
		const fm = validFrontmatter();
		fm.breachType = ['Hacking/IT Incident'];
		expect(issues(fm)[0]).toMatch(/did you mean "hacking-it-incident"/);
	});

	it('rejects an unknown field, naming it', () => {
		const fm = validFrontmatter();
		fm.dates.discoverd = fm.dates.discovered;
		expect(issues(fm)[0]).toMatch(/^dates: Unrecognized key: "discoverd"/);
	});
});

describe('incidentSchema: cross-field rules', () => {
	it('rejects a reference to a source that is not listed, naming the field', () => {
		const fm = validFrontmatter();
		fm.dates.discovered.source = 'nowhere';
		expect(issues(fm)).toEqual([
			'dates.discovered.source: unknown source id "nowhere" (expected one of: notice, regulator)',
		]);
	});

	it('rejects duplicate source ids', () => {
		const fm = validFrontmatter();
		fm.sources[1].id = 'notice';
		expect(issues(fm)).toContain('sources.1.id: duplicate source id "notice" (expected each id once)');
	});

	it('rejects dates in an impossible order', () => {
		const fm = validFrontmatter();
		fm.dates.individualsNotified.date = '2022-12';
		expect(issues(fm)).toEqual([
			'dates.individualsNotified.date: 2022-12 is before discovered 2023-01-10 (expected individualsNotified on or after discovered)',
		]);
	});

	it('allows partial dates that may be in order', () => {
		const fm = validFrontmatter();
		fm.dates.individualsNotified.date = '2023-01';
		expect(issues(fm)).toEqual([]);
	});

	it('rejects javascript: and other non-http URLs', () => {
		const fm = validFrontmatter();
		fm.sources[0].url = 'javascript:alert(1)';
		fm.sources[1].archive = 'data:text/html,hi';
		expect(issues(fm)).toEqual([
			'sources.0.url: must be an http(s) URL (expected https://…)',
			'sources.1.archive: must be an http(s) URL (expected https://…)',
		]);
	});

	it('reports cross-field problems together with other problems, all at once', () => {
		const fm = validFrontmatter();
		fm.actor = 'martians';
		fm.dates.discovered.source = 'nowhere';
		expect(issues(fm)).toHaveLength(2);
	});

	it('requires at least one source', () => {
		const fm = validFrontmatter();
		fm.sources = [];
		expect(issues(fm)).toContain('sources: must list at least one source');
	});
});

describe('incidentSchema: legal names and copies', () => {
	it('accepts a legal name beside a parent, and a source read via a copy', () => {
		const fm = validFrontmatter();
		Object.assign(fm.organization, { legalName: 'A&A Services', parent: 'Example Holdings' });
		Object.assign(fm.sources[0]!, { via: 'https://copy.example.org/repost' });
		const data = incidentSchema.parse(fm);
		expect(data.organization.legalName).toBe('A&A Services');
		expect(data.sources[0]?.via).toBe('https://copy.example.org/repost');
	});

	it('refuses a parent that is the organization itself with a corporate suffix', () => {
		const fm = validFrontmatter();
		Object.assign(fm.organization, { name: 'Flo Health', parent: 'Flo Health, Inc.' });
		expect(issues(fm)).toEqual([
			expect.stringMatching(/^organization\.parent: "Flo Health, Inc\." is the organization itself.*`legalName`/),
		]);
	});

	it('refuses a parent that repeats the legal name, or is a d/b/a', () => {
		const fm = validFrontmatter();
		Object.assign(fm.organization, {
			legalName: "California Physicians' Service",
			parent: 'California Physicians Service',
		});
		expect(issues(fm)).toEqual([expect.stringMatching(/^organization\.parent: .* is the organization itself/)]);
		Object.assign(fm.organization, { legalName: undefined, parent: 'A&A Services d/b/a Sav-Rx' });
		expect(issues(fm)).toEqual([
			expect.stringMatching(/^organization\.parent: .* is a trading or former name, not a parent/),
		]);
	});

	it('refuses a `via` that is the `url` itself', () => {
		const fm = validFrontmatter();
		Object.assign(fm.sources[0]!, { via: `${fm.sources[0]!.url}/` });
		expect(issues(fm)).toEqual([expect.stringMatching(/^sources\.0\.via: is the same address as `url`/)]);
	});
});
