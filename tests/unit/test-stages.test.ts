/**
 * `npm test`'s stages and their budgets (src/tooling/test-stages.ts): each an npm script, the
 * budgets adding up to the suite's target, docs/BENCHMARKS.md giving the same figures, and the
 * report marking a stage over its budget without failing it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stageGroups, stageReport, suiteBudget, TEST_STAGES } from '../../src/tooling/test-stages.ts';

const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

describe('npm test stages', () => {
	it('are npm scripts, whose budgets add up to the 367 s the suite may take (issue #26), stages run together counting once', () => {
		for (const { script } of TEST_STAGES) expect(Object.keys(scripts)).toContain(script);
		expect(suiteBudget()).toBe(367);
		// A group takes as long as its longest stage.
		expect(
			suiteBudget([
				{ script: 'a', budget: 10 },
				{ script: 'b', budget: 30, beside: true },
				{ script: 'c', budget: 5 },
			]),
		).toBe(35);
	});

	it('have the budgets docs/BENCHMARKS.md gives', () => {
		const docs = readFileSync('docs/BENCHMARKS.md', 'utf8');
		for (const { script, budget } of TEST_STAGES) {
			const row = docs.split('\n').find((line) => line.startsWith(`| \`npm run ${script}\``));
			expect(row, script).toBeDefined();
			expect(row!.split('|')[2]!.trim(), script).toBe(`${budget} s`);
		}
	});

	it('are reported against their budgets: one over is marked, with the load, and the total', () => {
		const report = stageReport([
			{ script: 'check', seconds: 20.04, load: 1.5, status: 0 },
			{ script: 'test:unit', seconds: 31, load: 6.25, status: 0 },
		]);
		expect(report).toMatch(/✓ check +20\.0 s {2}budget {3}30 s {2}\(load 1\.50\)/);
		expect(report).toMatch(/✓ test:unit +31\.0 s {2}budget {3}15 s {2}! over by 16\.0 s {2}\(load 6\.25\)/);
		expect(report).toMatch(/total +51\.0 s {2}budget {3}30 s {2}! over by 21\.0 s/);
		expect(report).toContain('Over budget: test:unit.');
		expect(stageReport([{ script: 'check', seconds: 3, load: 0, status: 0 }])).not.toContain('!');
	});

	it('that ran side by side are totalled by the wall time, which is what the budget is for', () => {
		const timings = [
			{ script: 'check', seconds: 20, load: 2, status: 0 },
			{ script: 'format:check', seconds: 12, load: 2, status: 0 },
		];
		expect(stageReport(timings, 21.5)).toMatch(
			/total +21\.5 s {2}budget {3}30 s {2}\(wall time; the stages add up to 32\.0 s, some having run side by side\)/,
		);
		expect(stageReport(timings, 40)).toMatch(/total +40\.0 s {2}budget {3}30 s {2}! over by 10\.0 s/);
	});

	it('run side by side only where a stage says so, never beside the browsers, nor two that build', () => {
		expect(stageGroups().map((group) => group.map((s) => s.script))).toEqual([
			['check', 'format:check', 'test:unit'],
			['build', 'test:tools'],
			['test:slow', 'test:dist'],
			['test:e2e'],
			['test:subpath'],
			['test:bench'],
		]);
		expect(stageGroups([{ script: 'a', budget: 1, beside: true }])).toEqual([
			[{ script: 'a', budget: 1, beside: true }],
		]);
	});
});
