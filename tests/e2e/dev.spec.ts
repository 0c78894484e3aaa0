import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';
import { splitFrontmatter } from '../../src/lib/casebook/frontmatter.ts';
import { normalizeBase } from '../../src/lib/urls.ts';

/** The case studies the dev server is given, each citing filings of the register. */
const CASE_STUDIES = ['anthem-2015', 'change-healthcare-2024', 'kaiser-permanente-2024'];

/**
 * A content folder of a few real case studies, with the register's records of the filings they
 * cite: the dev server renders every page it indexes on request, and with the whole casebook and
 * register it took 14 s to start and 10 s to index 224 pages, a minute of CPU for what a handful
 * of pages proves. Inside the project (git-ignored), as the benchmark's corpus is.
 */
function devContent(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'incidents'), { recursive: true });
	mkdirSync(join(dir, 'register'), { recursive: true });
	const cited = new Set<string>();
	for (const slug of CASE_STUDIES) {
		const text = readFileSync(`content/incidents/${slug}.mdx`, 'utf8');
		const split = splitFrontmatter(text);
		if (typeof split === 'string') throw new Error(`content/incidents/${slug}.mdx: ${split}`);
		const facts = parse(split.yaml) as { register?: { filings?: string[] } };
		for (const id of facts.register?.filings ?? []) cited.add(id);
		writeFileSync(join(dir, 'incidents', `${slug}.mdx`), text);
	}
	const filings = JSON.parse(readFileSync('content/register/filings.json', 'utf8')) as { id: string }[];
	writeFileSync(join(dir, 'register/filings.json'), JSON.stringify(filings.filter((f) => cited.has(f.id))));
	copyFileSync('content/register/imports.json', join(dir, 'register/imports.json'));
	copyFileSync('content/organizations.yaml', join(dir, 'organizations.yaml'));
}

/**
 * `npm run dev` serves a real search index (built in memory from the dev server's own pages),
 * not a notice that search needs a build.
 */
test.describe('search in astro dev', () => {
	let server: ChildProcess;
	const port = 4391 + (process.env.BASE_PATH ? 1 : 0);
	const base = normalizeBase(process.env.BASE_PATH);
	const origin = `http://127.0.0.1:${port}`;
	const content = `bench-out/dev-content-${port}`;

	test.beforeAll(async () => {
		// The wait below allows 60 s for the dev server; the hook's own limit must not cut it short.
		test.setTimeout(90_000);
		devContent(content);
		server = spawn('astro', ['dev', '--host', '127.0.0.1', '--port', String(port)], {
			env: { ...process.env, CONTENT_DIR: content },
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
		rmSync(content, { recursive: true, force: true });
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
		expect(api.count).toBe(CASE_STUDIES.length);
		expect(cited.size).toBeGreaterThan(CASE_STUDIES.length);
		expect(entry.languages.en.page_count).toBe(api.count + cited.size);
		await page.goto(`${origin}${base}search/?q=Anthem`);
		await expect(page.locator('#search-status')).toHaveText(/^[\d,]+ case stud/, { timeout: 30_000 });
		await expect(page.locator('#search-results li a').first()).toHaveAttribute('href', /\/incidents\/anthem-2015\//);
		await context.close();
	});
});
