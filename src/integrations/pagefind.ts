/**
 * Builds the Pagefind search index as part of the Astro build, through Pagefind's Node API, and
 * serves a real index in `astro dev` too.
 *
 * Build: the built case pages are indexed (only they carry `data-pagefind-body`, so listings and
 * navigation stay out) and the index is written to `<outDir>/pagefind/`. `npm run build`
 * (scripts/build.ts) calls `indexSite()` after `astro build` has exited, so that Astro's memory is
 * freed before Pagefind's is taken; a plain `astro build` indexes at `astro:build:done`.
 * Dev: on the first request under `<base>/pagefind/`, the case pages are fetched from the dev
 * server itself, indexed in memory and served from there; a change to a write-up drops the index
 * so the next search rebuilds it.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { incidentPath, normalizeBase, pathWithBase, registerPath } from '../lib/urls.ts';
import { API_INDEX_PATH, type ApiIncident, type ApiIndex } from '../lib/casebook/export.ts';
import { buildMark } from './build-marks.ts';

/** Set by scripts/build.ts, which indexes the site itself once Astro has exited. */
export const INDEX_AFTER_ASTRO = 'CASEBOOK_INDEX_AFTER_ASTRO';

interface Logger {
	info(message: string): void;
	error(message: string): void;
}

/** Fails loudly: an index that silently misses pages would make search lie. */
function throwOnErrors(step: string, errors: readonly string[], logger: Logger): void {
	if (errors.length === 0) return;
	for (const error of errors) logger.error(`${step}: ${error}`);
	throw new Error(`Pagefind failed at ${step}: ${errors.join('; ')}`);
}

// Pagefind's Node API is loaded when an index is made, not with Astro's configuration.
const pagefindApi = () => import('pagefind');

async function createIndex(logger: Logger) {
	const pagefind = await pagefindApi();
	const { index, errors } = await pagefind.createIndex({
		rootSelector: 'html',
		excludeSelectors: ['[data-pagefind-ignore="all"]'],
	});
	throwOnErrors('createIndex', errors, logger);
	if (!index) throw new Error('Pagefind did not create an index');
	return index;
}

/** The built pages that search covers: case studies and register filings. */
const INDEXED_PAGES = ['incidents/**/*.html', 'register/*/index.html'];

/** Indexes the case pages and filing pages of a built site in `outDir` and writes `outDir/pagefind/`. */
export async function indexSite(outDir: string, logger: Logger): Promise<{ pages: number; ms: number }> {
	const started = performance.now();
	try {
		const index = await createIndex(logger);
		// Only case pages and filing pages carry data-pagefind-body; reading the thousands of listing
		// and browse pages too would double the indexing time for nothing. The register's own listings
		// (register/page/, register/browse/…) lie deeper than register/*/index.html.
		let pages = 0;
		for (const glob of INDEXED_PAGES) {
			const added = await index.addDirectory({ path: outDir, glob });
			throwOnErrors(`addDirectory ${glob}`, added.errors, logger);
			pages += added.page_count;
		}
		const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
		throwOnErrors('writeFiles', written.errors, logger);
		const ms = Math.round(performance.now() - started);
		logger.info(`Indexed ${pages} case and filing pages in ${ms} ms`);
		return { pages, ms };
	} finally {
		await (await pagefindApi()).close();
	}
}

/**
 * The index file a dev-server request asks for, as `<base>pagefind/…`, or undefined when it asks
 * for something else. Vite may already have stripped the base from the URL.
 */
export function devIndexPath(requestUrl: string, base: string): string | undefined {
	const path = requestUrl.split('?')[0]!;
	if (path.startsWith(pathWithBase('pagefind/', base))) return path;
	return path.startsWith('/pagefind/') ? pathWithBase(path, base) : undefined;
}

/** A case study as the dev server's api/incidents.json gives it, as far as the dev index reads it. */
export type DevIncident = Pick<ApiIncident, 'slug'> & { facts: Pick<ApiIncident['facts'], 'register'> };

/**
 * The pages `astro dev` indexes, relative to the base as in the built index (the client adds the
 * base): every case page and the register filings the case studies cite. Not every filing: the
 * dev server renders each page on request, and 7,800 filing pages would take minutes.
 */
export function devIndexedPaths(incidents: readonly DevIncident[]): string[] {
	const filings = new Set(incidents.flatMap((i) => i.facts.register?.filings ?? []));
	return [
		...incidents.map((i) => `/${incidentPath(i.slug)}`),
		...[...filings].sort().map((id) => `/${registerPath(id)}`),
	];
}

/** The Astro integration. */
export function pagefindIntegration(): AstroIntegration {
	let base = '/';
	return {
		name: 'breach-casebook:pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = normalizeBase(config.base);
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (process.env[INDEX_AFTER_ASTRO] === '1') {
					logger.info('The search index is built once Astro has exited (scripts/build.ts).');
					return;
				}
				const { pages, ms } = await indexSite(fileURLToPath(dir), logger);
				buildMark('indexed', { pages, ms });
			},
			'astro:server:setup': ({ server, logger }) => {
				const prefix = pathWithBase('pagefind/', base);
				let files: Promise<Map<string, Uint8Array>> | undefined;
				let origin = '';
				server.httpServer?.once('listening', () => {
					const address = server.httpServer!.address();
					if (address && typeof address === 'object')
						origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
				});
				// A changed write-up makes the in-memory index stale.
				server.watcher.on('all', (_event, path) => {
					if (path.endsWith('.mdx')) files = undefined;
				});
				const build = async () => {
					const started = performance.now();
					const api = await fetch(`${origin}${base}${API_INDEX_PATH}`).then((r) => r.json() as Promise<ApiIndex>);
					const index = await createIndex(logger);
					const paths = devIndexedPaths(api.incidents);
					for (const path of paths) {
						const html = await fetch(`${origin}${base}${path.slice(1)}`).then((r) => r.text());
						const added = await index.addHTMLFile({ url: path, content: html });
						throwOnErrors(`addHTMLFile ${path}`, added.errors, logger);
					}
					const out = await index.getFiles();
					throwOnErrors('getFiles', out.errors, logger);
					await index.deleteIndex();
					logger.info(
						`Dev search index: ${api.incidents.length} case pages and the ${paths.length - api.incidents.length} filings they cite, in ${Math.round(performance.now() - started)} ms (a build indexes every filing)`,
					);
					return new Map(out.files.map((f) => [`${prefix}${f.path}`, f.content]));
				};
				server.middlewares.use(async (req, res, next) => {
					const path = devIndexPath(req.url ?? '', base);
					if (!path) return next();
					try {
						files ??= build();
						const body = (await files).get(path);
						if (!body) return next();
						const type = path.endsWith('.js')
							? 'text/javascript'
							: path.endsWith('.css')
								? 'text/css'
								: path.endsWith('.json')
									? 'application/json'
									: 'application/octet-stream';
						res.setHeader('Content-Type', type);
						res.end(body);
					} catch (error) {
						files = undefined;
						logger.error(`Dev search index failed: ${(error as Error).message}`);
						res.statusCode = 500;
						res.end(String(error));
					}
				});
			},
		},
	};
}
