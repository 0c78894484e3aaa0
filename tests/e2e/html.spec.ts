import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { expect, test } from '@playwright/test';
import { filesUnder, samplePages } from './helpers.ts';

test('html-validate reports no error in any page of dist/', async () => {
	test.setTimeout(120_000);
	const dist = process.env.E2E_DIST ?? 'dist';
	// html-validate takes about 80 ms a page here: all 14,000 filing and organization pages would take
	// 20 minutes, so those two templates are checked on a fixed sample, every other page in full.
	const pagePath = (f: string) => f.replace(/index\.html$/, '');
	const html = filesUnder(dist).filter((f) => f.endsWith('.html'));
	const sampled = new Set(samplePages(html.map(pagePath)));
	const files = html.filter((f) => sampled.has(pagePath(f))).map((f) => join(dist, f));
	const validator = new HtmlValidate({
		extends: ['html-validate:recommended'],
		rules: {
			'no-inline-style': 'error',
			// The search filters are checkboxes that share a name per facet, as in the URL.
			'form-dup-name': ['error', { shared: ['checkbox'] }],
			// Long attribute values such as the CSP and JSON-LD are fine.
			'long-title': 'off',
			// A scrolling box (ScrollRegion) is a named div with role="region": a <section> without a
			// heading, which html-validate would prefer, is what the Nu checker warns about.
			'prefer-native-element': ['error', { exclude: ['region'] }],
		},
	});
	const errors: string[] = [];
	for (const file of files) {
		const report = await validator.validateFile(file);
		for (const r of report.results)
			for (const m of r.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
	}
	expect(errors.slice(0, 40)).toEqual([]);
	expect(files.length).toBeGreaterThan(100);
});
