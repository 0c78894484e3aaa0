/**
 * `node scripts/bench/levers.ts bench-out/site-10000 bench-out/corpus-10000`: what each of
 * Pagefind's levers does to the search payload, on a site already built (`npm run bench -- --keep`).
 * For each lever the case pages are rewritten as the lever would render them (from a copy of the
 * built pages), the index is rebuilt with the build's own `indexSite()`, and every query of the
 * corpus is run in Chromium as in the benchmark. Writes bench-out/levers-<N>.json.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { indexSite } from '../../src/integrations/pagefind.ts';
import { launchChromium, runQuery, serve } from './browser.ts';

const [site, corpus] = process.argv.slice(2).map((p) => resolve(p));
if (!site || !corpus || !existsSync(join(site, 'incidents')))
	throw new Error('usage: node scripts/bench/levers.ts <built site> <its corpus folder>');
const root = resolve(import.meta.dirname, '../..');
const queries = (JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { queries: Record<string, string> })
	.queries;

const ignore = (html: string, opening: string) =>
	html.replaceAll(opening, opening.replace(/^<(\w+)/, '<$1 data-pagefind-ignore="all"'));
/** Each lever as a rewrite of a built case page. */
const LEVERS: Record<string, (html: string) => string> = {
	'as built': (html) => html,
	'source URLs (printed only) ignored': (html) => ignore(html, '<span class="source-url'),
	'source list ignored': (html) => ignore(html, '<section aria-labelledby="sources-heading"'),
	'header date and count line ignored': (html) => ignore(html, '<p class="text-muted mt-2 text-sm">'),
	'no heading weights': (html) => html.replace(/ data-pagefind-weight="\d+"/g, ''),
};
LEVERS['source list and header line ignored'] = (html) =>
	LEVERS['header date and count line ignored']!(LEVERS['source list ignored']!(html));

const pristine = `${site}.incidents-as-built`;
if (!existsSync(pristine)) cpSync(join(site, 'incidents'), pristine, { recursive: true });
const pages = readdirSync(pristine).filter((slug) => existsSync(join(pristine, slug, 'index.html')));
const chunk = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
const results: Record<string, unknown>[] = [];
for (const [lever, rewrite] of Object.entries(LEVERS)) {
	for (const slug of pages)
		writeFileSync(
			join(site, 'incidents', slug, 'index.html'),
			rewrite(readFileSync(join(pristine, slug, 'index.html'), 'utf8')),
		);
	rmSync(join(site, 'pagefind'), { recursive: true, force: true });
	const { ms } = await indexSite(site, { info: () => undefined, error: (m) => console.error(m) });
	const server = await serve(root, relative(root, site), '/', () => undefined);
	const browser = await launchChromium();
	const row: Record<string, unknown> = { lever, chunk: chunk ?? 'default', indexMs: ms };
	try {
		for (const [kind, q] of Object.entries(queries)) {
			const run = await runQuery(browser, server.url, q);
			row[kind] = {
				query: q,
				kb: Math.round(run.queryBytes / 102.4) / 10,
				results: run.resultCount,
				ms: run.msToResults,
			};
		}
	} finally {
		await browser.close();
		await server.stop();
	}
	console.log(JSON.stringify(row));
	results.push(row);
}
// Leave the site as built.
cpSync(pristine, join(site, 'incidents'), { recursive: true });
const out = join(root, 'bench-out', `levers-${basename(site)}${chunk ? `-chunk${chunk}` : ''}.json`);
writeFileSync(out, JSON.stringify(results, null, '\t') + '\n');
console.log(`Written to ${relative(root, out)}; the pages are as built again (the index is the last lever's).`);
