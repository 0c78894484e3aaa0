/**
 * The bad-input corpus: every broken write-up in tests/fixtures/bad-content/ must be reported by
 * the check with its file, line and field. The check is called in process for every fixture; a few
 * representative fixtures then prove, one at a time, that `npm run check` exits 1 with the same
 * line, that the build stops on it, and that the previous site survives.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCorpus, formatProblem } from '../../src/tooling/validate.ts';
import { runScript } from '../fixtures/model.ts';

const FIXTURES = 'tests/fixtures/bad-content';
const GOOD = 'tests/fixtures/good-content/incidents/good-case-2024.mdx';
const PREVIOUS_SITE = '<!doctype html><title>previous site</title>';
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<
	string,
	{ field: string; line?: number; includes: string }
>;
/** One of each kind of fault: the schema, the MDX body policy, and a rule across files. */
const BUILD_PROOFS = ['unknown-data-class.mdx', 'script-in-body.mdx', 'duplicate-slug/2024/good-case-2024.mdx'];
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
	writeFileSync(join(site, 'index.html'), PREVIOUS_SITE);
	return {
		content: join(dir, 'content'),
		file: relative(process.cwd(), join(dir, 'content', 'incidents', fixture ?? 'good-case-2024.mdx')),
		site,
	};
}

/** The line of the check's output that reports the fixture's fault, as the check prints it. */
function reportedLine(output: string, file: string, want: { field: string; line?: number }) {
	const prefix = `${file}:${want.line ?? ''}`;
	return output.split('\n').find((l) => l.startsWith(prefix) && l.includes(`: ${want.field}: `));
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
		it(`${fixture}: the check names the file, line and field, and never blames the good write-up`, () => {
			const { content, file } = setUp(fixture);
			const { problems } = checkCorpus(join(content, 'incidents'));
			const output = problems.map(formatProblem).join('\n');
			const line = reportedLine(output, file, want);
			expect(line, output).toBeDefined();
			expect(line).toContain(want.includes);
			// The good write-up is never blamed (a duplicate slug is reported on both files).
			expect(output).not.toMatch(/\/incidents\/good-case-2024\.mdx:\d+: (?!file: duplicate)/);
		});
	}

	// One at a time: builds share Astro's cache in .astro/.
	for (const fixture of BUILD_PROOFS) {
		it(`${fixture}: npm run check exits 1 with that line; the build fails with it; the previous site survives`, async () => {
			const want = expected[fixture]!;
			const { content, file, site } = setUp(fixture);
			const check = await runScript('check-content.ts', content);
			expect(check.code).toBe(1);
			const line = reportedLine(check.out, file, want);
			expect(line, check.out).toBeDefined();
			expect(line).toContain(want.includes);

			const build = await runScript('build.ts', content, ['--outDir', site]);
			expect(build.code).toBe(1);
			expect(build.out).toContain(line);
			expect(build.out).toContain('is unchanged');
			expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe(PREVIOUS_SITE);
			expect(existsSync(`${site}.staging`)).toBe(false);
		});
	}
});

describe('the build swap', () => {
	it('keeps the previous site when Astro itself fails', async () => {
		const { content, site } = setUp();
		const build = await runScript('build.ts', content, ['--outDir', site], { SITE_URL: 'not a url' });
		expect(build.code).toBe(1);
		expect(build.out).toContain('is unchanged');
		expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe(PREVIOUS_SITE);
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
