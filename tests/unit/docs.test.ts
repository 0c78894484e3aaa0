import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillGenerated, generatedBlocks } from '../../src/tooling/docs.ts';
import { vocabularies } from '../../src/vocabularies.ts';
import { benchmarkTables, readRuns } from '../../scripts/bench/report.ts';

describe('generated documentation', () => {
	const blocks = {
		...generatedBlocks(readFileSync('public/_headers', 'utf8')),
		benchmarks: benchmarkTables(readRuns('docs/benchmarks')),
	};
	for (const file of ['docs/AUTHORING.md', 'docs/DATA.md', 'docs/DEPLOY.md', 'docs/BENCHMARKS.md']) {
		it(`${file} matches the model and the data (run npm run docs after changing them)`, () => {
			const text = readFileSync(file, 'utf8');
			expect(fillGenerated(text, blocks)).toBe(text);
		});
	}

	it('makes the benchmark tables from the runs kept in docs/benchmarks/', () => {
		expect(readRuns('docs/benchmarks').length).toBeGreaterThan(20);
		expect(readFileSync('docs/BENCHMARKS.md', 'utf8')).toContain('### 10,000 case studies');
	});

	it('keeps docs/BENCHMARKS.md a report: at most 600 lines, its findings rewritten rather than appended', () => {
		const text = readFileSync('docs/BENCHMARKS.md', 'utf8');
		expect(text.split('\n').length, 'lines (history lives in git and docs/benchmarks/)').toBeLessThanOrEqual(600);
		expect(text).not.toMatch(/^## Findings, \w+ round/m);
	});

	it('lists every vocabulary term', () => {
		const text = readFileSync('docs/AUTHORING.md', 'utf8');
		for (const v of Object.values(vocabularies))
			for (const key of Object.keys(v.terms)) expect(text).toContain(`| \`${key}\` |`);
	});
});
