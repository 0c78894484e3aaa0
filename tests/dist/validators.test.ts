/**
 * Both validators over the built site at the root, in process: they read the built files, and
 * need neither a browser nor a server. html-validate and the W3C Nu checker read dist/ (or
 * E2E_DIST): every page but a fixed sample of the templates drawn by the hundred, the register's
 * 14,000 filing and organization pages and the casebook's 620 browse listings (samplePages()).
 * `npm test` runs this lane beside the slow lane, whose builds leave a core idle. Under a sub-path
 * the Nu checker runs with the @base tests (tests/e2e/all-pages.spec.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST, htmlFiles, samplePages } from '../e2e/helpers.ts';
import { nuProblems } from '../fixtures/nu-checker.ts';

let sampled: string[] | undefined;
/** The HTML files both validators read, listed once; fails, saying how to make the build, if it is missing. */
function sampledFiles(): string[] {
	if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/ has no built site: run npm run build first`);
	return (sampled ??= htmlFiles(DIST, samplePages));
}

/**
 * html-validate's loader with the configuration resolved once, not for every file: resolving it
 * builds the element table again, a third of the time a page took (24.4 ms a page, then 15.7 ms,
 * over 400 pages, with the same results).
 */
class ConfigOnce extends StaticConfigLoader {
	#resolved?: ReturnType<StaticConfigLoader['getConfigFor']>;
	override getConfigFor(handle: string, override?: ConfigData) {
		if (override) return super.getConfigFor(handle, override);
		return (this.#resolved ??= super.getConfigFor(handle));
	}
}

describe(`the built site at the root (${DIST}/)`, () => {
	it('html-validate reports no error in its pages, the bulk templates sampled', async () => {
		// html-validate takes about 16 ms a page here: all 14,000 filing and organization pages would take
		// minutes, and the 620 browse listings 10 s, so those templates are checked on a fixed sample
		// (samplePages), every other page in full.
		const files = sampledFiles();
		const validator = new HtmlValidate(
			new ConfigOnce({
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
			}),
		);
		const errors: string[] = [];
		for (const file of files) {
			const report = await validator.validateFile(file);
			for (const r of report.results)
				for (const m of r.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
		}
		expect(errors.slice(0, 40)).toEqual([]);
		// The validator, its configuration resolved once, still reports: a page with an inline style and an id used twice.
		const planted = await validator.validateString(
			'<!doctype html><html lang="en"><head><title>t</title></head><body><p style="color:red" id="a">a</p><p id="a">b</p></body></html>',
		);
		expect(planted.results[0]?.messages.map((m) => m.ruleId)).toEqual(
			expect.arrayContaining(['no-inline-style', 'no-dup-id']),
		);
		expect(files.length).toBeGreaterThan(100);
	});

	it('the Nu HTML checker reports no error and no warning in its pages, the bulk templates sampled', async () => {
		const files = sampledFiles();
		const { problems, messages } = await nuProblems(files);
		expect(problems.slice(0, 40)).toEqual([]);
		// The pages were read: the artifacts above are reported once per page at least.
		expect(files.length).toBeGreaterThan(100);
		expect(messages).toBeGreaterThan(files.length);
	});
});
