import { test as base, expect } from '@playwright/test';

/**
 * Every end-to-end test's page runs with these checks: no console error (a CSP violation is one),
 * no uncaught exception, and no request to any origin other than the site's.
 */
export const test = base.extend<{ allowedConsoleErrors: RegExp[] }>({
	/** Console errors a test expects, e.g. the 404 status of a page that is meant to be missing. */
	allowedConsoleErrors: [[], { option: true }],
	// The guard goes with the page, not with every test: a test that only reads files over HTTP
	// (request) opens no page, and had one opened for it all the same.
	page: async ({ page, baseURL, allowedConsoleErrors }, use) => {
		const origin = new URL(baseURL!).origin;
		const problems: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error' && !allowedConsoleErrors.some((re) => re.test(m.text())))
				problems.push(`console error: ${m.text()}`);
		});
		page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
		page.on('request', (r) => {
			const url = r.url();
			if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
				problems.push(`third-party request: ${url}`);
		});
		await use(page);
		expect(problems, 'console errors, CSP violations, uncaught exceptions or third-party requests').toEqual([]);
	},
});

export { expect };
