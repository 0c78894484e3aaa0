/**
 * The bad-input corpus through the command line and a real build: for one fixture of each kind of
 * fault, `npm run check` exits 1 with the line the in-process check reports
 * (tests/unit/bad-content.test.ts), the build stops on it, and the previous site survives; and the
 * build swaps a good site in whole.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../fixtures/model.ts';
import { expected, GOOD_CONTENT, PREVIOUS_SITE, reportedLine, setUp as setUpIn } from '../fixtures/bad-content.ts';

/** One of each kind of fault: the schema, the MDX body policy, and a rule across files. */
const BUILD_PROOFS = ['unknown-data-class.mdx', 'script-in-body.mdx', 'duplicate-slug/2024/good-case-2024.mdx'];
const work = mkdtempSync(join(tmpdir(), 'casebook-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const setUp = (fixture?: string) => setUpIn(work, fixture);

describe('the bad-input corpus, through npm run check and the build', () => {
	it('leaves a good write-up passing', async () => {
		const result = await runScript('check-content.ts', GOOD_CONTENT);
		expect(result.out).toContain('✓ 1 write-ups');
		expect(result.code).toBe(0);
	});

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
