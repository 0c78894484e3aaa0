import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

// The axe-core that @axe-core/playwright depends on, wherever npm put it.
const fromPlaywrightAxe = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const source = readFileSync(fromPlaywrightAxe.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations on the page as it is now, one line each. The rules run in the page itself
 * (what @axe-core/playwright calls its legacy mode: the site has no frames for its per-frame mode
 * to reach), and axe is injected once per document, so that a second run on the same page, in the
 * dark theme say, costs only its rules: AxeBuilder.analyze() injected axe twice per run and opened
 * a blank page to merge the results in, several seconds a page on a busy machine. Only violations
 * are collected; the passes, which axe would otherwise describe node by node, are never read.
 */
export async function axeViolations(page: Page, options: RunOptions): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
	const violations = await page.evaluate(
		(options) =>
			(window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe
				.run(document, options)
				.then((results) => results.violations),
		{ ...options, resultTypes: ['violations'] } satisfies RunOptions,
	);
	return violations.map(
		(v) =>
			`${v.id}: ${v.nodes.length} × ${v.nodes
				.slice(0, 5)
				.map((n) => n.target.join(' '))
				.join(', ')} — ${v.help}`,
	);
}

/** axe's rules by tag, or by name. */
export const byTags = (tags: string[]): RunOptions => ({ runOnly: { type: 'tag', values: tags } });
export const byRules = (rules: string[]): RunOptions => ({ runOnly: { type: 'rule', values: rules } });
