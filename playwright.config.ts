import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/tooling/chromium.ts';
import { normalizeBase } from './src/lib/urls.ts';
import { DIST } from './tests/e2e/helpers.ts';

/**
 * End-to-end tests run against the built site in E2E_DIST (default `dist/`), served by
 * scripts/serve.ts with nginx under BASE_PATH, as it is deployed; set E2E_BASE_URL to test a site
 * served elsewhere. Under a sub-path (`npm run test:subpath`) only the tests tagged @base run:
 * those whose outcome depends on the base path.
 */
const port = Number(process.env.E2E_PORT ?? 4329);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}${normalizeBase(process.env.BASE_PATH)}`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL,
		browserName: 'chromium',
		launchOptions: chromiumLaunchOptions(),
	},
	webServer: process.env.E2E_BASE_URL
		? undefined
		: {
				command: `node scripts/serve.ts --port ${port} --dir ${DIST}`,
				url: baseURL,
				reuseExistingServer: false,
				timeout: 60_000,
			},
});
