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
