import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { chromium } from '@playwright/test';

/**
 * End-to-end tests run against the built site. By default `astro preview` serves `dist/`; set
 * E2E_BASE_URL to test a site served elsewhere (the nginx sub-path deploy test does).
 *
 * The browser is Playwright's own Chromium when installed, else the system's (Debian's `chromium`
 * package), because `npx playwright install` cannot download on every machine.
 */
function chromiumExecutable(): string | undefined {
	const bundled = chromium.executablePath();
	if (bundled && existsSync(bundled)) return undefined; // Playwright finds its own.
	for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
		if (candidate && existsSync(candidate)) return candidate;
	}
	throw new Error(
		'No Chromium to run the end-to-end tests. Install one of:\n' +
			'  apt-get install -y chromium        (Debian/Ubuntu; used from /usr/bin/chromium)\n' +
			'  npx playwright install chromium    (where Playwright can download)\n' +
			'or set CHROMIUM_PATH to a Chromium binary.',
	);
}

const isRoot = process.getuid?.() === 0;
const port = Number(process.env.E2E_PORT ?? 4329);
const base = (process.env.BASE_PATH ?? '/').replace(/^\/*|\/*$/g, '');
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}/${base ? `${base}/` : ''}`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL,
		browserName: 'chromium',
		launchOptions: {
			executablePath: chromiumExecutable(),
			args: isRoot
				? ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync']
				: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
		},
	},
	webServer: process.env.E2E_BASE_URL
		? undefined
		: {
				command: `node scripts/serve.ts --port ${port} --dir ${process.env.E2E_DIST ?? 'dist'}`,
				url: baseURL,
				reuseExistingServer: false,
				timeout: 60_000,
			},
});
