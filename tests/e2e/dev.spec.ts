import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from './fixtures.ts';
import { normalizeBase } from '../../src/lib/urls.ts';

/**
 * `npm run dev` serves a real search index (built in memory from the dev server's own pages),
 * not a notice that search needs a build.
 */
test.describe('search in astro dev', () => {
	let server: ChildProcess;
	const port = 4391 + (process.env.BASE_PATH ? 1 : 0);
	const base = normalizeBase(process.env.BASE_PATH);
	const origin = `http://127.0.0.1:${port}`;

	test.beforeAll(async () => {
		// The wait below allows 60 s for the dev server; the hook's own limit must not cut it short.
		test.setTimeout(90_000);
		server = spawn('astro', ['dev', '--host', '127.0.0.1', '--port', String(port)], {
			env: process.env,
			stdio: 'ignore',
			detached: true,
		});
		const deadline = Date.now() + 60_000;
		for (;;) {
			try {
				if ((await fetch(`${origin}${base}`)).ok) break;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error('astro dev did not start within 60 s');
			await new Promise((r) => setTimeout(r, 500));
		}
	});

	test.afterAll(() => {
		if (server.pid) process.kill(-server.pid, 'SIGTERM');
	});

	test('the dev server indexes every case study and the filings they cite, and search finds them', async ({
		browser,
		request,
	}) => {
		// A page of its own, not the guarded one: the dev server is another origin than the site
		// under test, and Vite's tooling is not the site. (The test file still uses ./fixtures.ts, so
		// that it runs in the workers of the other tests rather than in one started for it alone.)
		const context = await browser.newContext();
		const page = await context.newPage();
		test.setTimeout(120_000);
		// Right after start-up the dev server may still be syncing content: wait until both answer.
		const json = async (path: string) => {
			let body: any;
			await expect
				.poll(
					async () => {
						const response = await request.get(`${origin}${base}${path}`);
						body =
							response.ok() && response.headers()['content-type']?.includes('json') ? await response.json() : undefined;
						return body !== undefined;
					},
					{ timeout: 60_000 },
				)
				.toBe(true);
			return body;
		};
		const api = (await json('api/incidents.json')) as {
			count: number;
			incidents: { facts: { register?: { filings?: string[] } | null } }[];
		};
		const entry = await json('pagefind/pagefind-entry.json');
		// Every case study, and each filing a case study cites (not all 7,800: see src/integrations/pagefind.ts).
		const cited = new Set(api.incidents.flatMap((i) => i.facts.register?.filings ?? []));
		expect(cited.size).toBeGreaterThan(0);
		expect(entry.languages.en.page_count).toBe(api.count + cited.size);
		await page.goto(`${origin}${base}search/?q=Anthem`);
		await expect(page.locator('#search-status')).toHaveText(/^[\d,]+ case stud/, { timeout: 30_000 });
		await expect(page.locator('#search-results li a').first()).toHaveAttribute('href', /\/incidents\/anthem-2015\//);
		await context.close();
	});
});
