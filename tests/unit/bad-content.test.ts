/**
 * The bad-input corpus: every broken write-up in tests/fixtures/bad-content/ must be reported by
 * the check, called in process, with its file, line and field. That `npm run check` and the build
 * stop on the same line is proved for a few of them in tests/slow/bad-content-build.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCorpus, formatProblem } from '../../src/tooling/validate.ts';
import { expected, GOOD_CONTENT, reportedLine, setUp } from '../fixtures/bad-content.ts';

const work = mkdtempSync(join(tmpdir(), 'casebook-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the bad-input corpus', () => {
	it('holds at least 20 broken write-ups, one fault each', () => {
		expect(Object.keys(expected).length).toBeGreaterThanOrEqual(20);
	});

	it('leaves a good write-up passing', () => {
		const { problems } = checkCorpus(join(GOOD_CONTENT, 'incidents'));
		expect(problems.map(formatProblem)).toEqual([]);
	});

	for (const [fixture, want] of Object.entries(expected)) {
		it(`${fixture}: the check names the file, line and field, and never blames the good write-up`, () => {
			const { content, file } = setUp(work, fixture);
			const { problems } = checkCorpus(join(content, 'incidents'));
			const output = problems.map(formatProblem).join('\n');
			const line = reportedLine(output, file, want);
			expect(line, output).toBeDefined();
			expect(line).toContain(want.includes);
			// The good write-up is never blamed (a duplicate slug is reported on both files).
			expect(output).not.toMatch(/\/incidents\/good-case-2024\.mdx:\d+: (?!file: duplicate)/);
		});
	}
});
