import { expect, type Page, type APIRequestContext } from '@playwright/test';

/** Same-origin links on the current page, as absolute URLs, without duplicates. */
export async function internalLinks(page: Page): Promise<string[]> {
	const origin = new URL(page.url()).origin;
	const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
	return [...new Set(hrefs.filter((h) => h.startsWith(origin)))];
}

/** Asserts that a same-origin URL answers 200 and, when it has a #fragment, that the target exists. */
export async function expectLinkResolves(request: APIRequestContext, page: Page, href: string): Promise<void> {
	const target = new URL(href);
	const response = await request.get(target.href.replace(/#.*$/, ''));
	expect(response.status(), `${href} (linked from ${page.url()})`).toBe(200);
	if (target.hash.length > 1) {
		const html = await response.text();
		const id = decodeURIComponent(target.hash.slice(1));
		expect(html, `#${id} on ${target.pathname}`).toMatch(
			new RegExp(`id="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`),
		);
	}
}

/**
 * The pages a slow check visits: every page, except that of the ~14,000 register filing and
 * organization pages, which share two templates, it takes a fixed sample (every `step`th in
 * sorted order, plus named ones), so that the same pages are checked on every run.
 */
export function samplePages(paths: readonly string[], step = 100, always: readonly string[] = []): string[] {
	const bulk = /^(register\/[a-z0-9-]+-\d{4}-\d{2}-\d{2}(-\d+)?|organizations\/(?!page\/)[a-z0-9-]+)\/$/;
	const many = paths.filter((p) => bulk.test(p)).sort();
	const keep = new Set([...always, ...many.filter((_, i) => i % step === 0)]);
	return paths.filter((p) => !bulk.test(p) || keep.has(p));
}
