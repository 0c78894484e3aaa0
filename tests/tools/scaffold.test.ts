import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { INCIDENT_FIELDS } from '../../src/schemas/incident.ts';
import { BODY_SECTIONS } from '../../src/tooling/template.ts';
import { splitFrontmatter } from '../../src/lib/casebook/frontmatter.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'casebook-new-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Through npm, as the README tells editors to run it, so that a wrong path in package.json fails here.
const scaffold = (...args: string[]) =>
	run('npm', ['run', '--silent', 'new', '--', ...args], { env: { ...process.env, CONTENT_DIR: dir } }).then(
		(r) => ({ code: 0, out: r.stdout + r.stderr }),
		(e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
	);

describe('npm run new', () => {
	it('creates a write-up with every field, commented, and the sections laid out', async () => {
		const result = await scaffold('St. Mary’s Health & Care', '2024');
		expect(result.code).toBe(0);
		const text = readFileSync(join(dir, 'incidents', 'st-mary-s-health-and-care-2024.mdx'), 'utf8');
		const split = splitFrontmatter(text);
		if (typeof split === 'string') throw new Error(split);
		const frontmatter = parse(split.yaml) as Record<string, unknown>;
		expect(INCIDENT_FIELDS.length).toBeGreaterThan(15);
		for (const field of INCIDENT_FIELDS) {
			expect(text, field).toMatch(new RegExp(`^#? ?${field}:`, 'm'));
		}
		expect(frontmatter.organization).toMatchObject({ name: 'St. Mary’s Health & Care' });
		expect(text).toContain('# HHS: hacking-it-incident | unauthorized-access-disclosure');
		for (const section of BODY_SECTIONS) expect(text).toContain(`## ${section}`);
	});

	it('refuses to overwrite an existing write-up or reuse its slug', async () => {
		await scaffold('Acme Clinic', '2023');
		const again = await scaffold('ACME clinic', '2023');
		expect(again.code).toBe(1);
		expect(again.out).toContain('the slug "acme-clinic-2023" is taken');
	});

	it('explains its usage when the year is missing', async () => {
		const result = await scaffold('Acme Clinic', 'last year');
		expect(result.code).toBe(1);
		expect(result.out).toContain('Usage: npm run new -- "Organization name" 2024');
	});
});
