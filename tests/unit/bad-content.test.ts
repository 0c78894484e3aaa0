/**
 * The bad-input corpus: every broken write-up in tests/fixtures/bad-content/ must be reported by
 * `npm run check` with its file, line and field, must stop the build, and must leave the
 * previous site exactly as it was.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from './fixtures.ts';

const FIXTURES = 'tests/fixtures/bad-content';
const GOOD = 'tests/fixtures/good-content/incidents/good-case-2024.mdx';
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<
	string,
	{ field: string; line?: number; includes: string }
>;
const work = mkdtempSync(join(tmpdir(), 'casebook-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A content folder holding the good fixture and, when given, one broken write-up; and a previous site. */
function setUp(fixture?: string) {
	const dir = mkdtempSync(join(work, 'case-'));
	mkdirSync(join(dir, 'content', 'incidents'), { recursive: true });
	cpSync(GOOD, join(dir, 'content', 'incidents', 'good-case-2024.mdx'));
	const first = fixture?.split('/')[0];
	if (first) cpSync(join(FIXTURES, first), join(dir, 'content', 'incidents', first), { recursive: true });
	const site = join(dir, 'site');
	mkdirSync(site);
	writeFileSync(join(site, 'index.html'), '<!doctype html><title>previous site</title>');
	return {
		content: join(dir, 'content'),
		file: relative(process.cwd(), join(dir, 'content', 'incidents', fixture ?? 'good-case-2024.mdx')),
		site,
	};
}

describe('the bad-input corpus', () => {
	it('holds at least 20 broken write-ups, one fault each', () => {
		expect(Object.keys(expected).length).toBeGreaterThanOrEqual(20);
	});

	it('leaves a good write-up passing', async () => {
		const result = await runScript('check-content.ts', 'tests/fixtures/good-content');
		expect(result.out).toContain('✓ 1 write-ups');
		expect(result.code).toBe(0);
	});

	for (const [fixture, want] of Object.entries(expected)) {
		it.concurrent(
			`${fixture}: check names the file, line and field; the build fails; the previous site survives`,
			async () => {
				const { content, file, site } = setUp(fixture);
				const check = await runScript('check-content.ts', content);
				expect(check.code).toBe(1);
				const prefix = `${file}:${want.line ?? ''}`;
				const line = check.out.split('\n').find((l) => l.startsWith(prefix) && l.includes(`: ${want.field}: `));
				expect(line, check.out).toBeDefined();
				expect(line).toContain(want.includes);
				// The good write-up is never blamed (a duplicate slug is reported on both files).
				expect(check.out).not.toMatch(/\/incidents\/good-case-2024\.mdx:\d+: (?!file: duplicate)/);

				const build = await runScript('build.ts', content, ['--outDir', site]);
				expect(build.code).toBe(1);
				expect(build.out).toContain(line);
				expect(build.out).toContain('is unchanged');
				expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('<!doctype html><title>previous site</title>');
				expect(existsSync(`${site}.staging`)).toBe(false);
			},
		);
	}
});

describe('the build swap', () => {
	it('keeps the previous site when Astro itself fails', async () => {
		const { content, site } = setUp();
		const build = await runScript('build.ts', content, ['--outDir', site], { SITE_URL: 'not a url' });
		expect(build.code).toBe(1);
		expect(build.out).toContain('is unchanged');
		expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('<!doctype html><title>previous site</title>');
		expect(existsSync(`${site}.staging`)).toBe(false);
	});

	it('replaces the previous site in one step when the build succeeds', async () => {
		const { content, site } = setUp();
		const build = await runScript('build.ts', content, ['--outDir', site]);
		expect(build.code, build.out).toBe(0);
		expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('Good Case Clinic');
		expect(existsSync(join(site, 'incidents', 'good-case-2024', 'index.html'))).toBe(true);
		expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
		expect(existsSync(`${site}.staging`) || existsSync(`${site}.previous`)).toBe(false);
	}, 180_000);
});
