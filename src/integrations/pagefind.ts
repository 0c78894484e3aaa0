/**
 * Builds the Pagefind search index as part of the Astro build, through Pagefind's Node API, and
 * serves a real index in `astro dev` too.
 *
 * Build: at `astro:build:done` the built HTML is indexed (only case pages carry
 * `data-pagefind-body`, so listings and navigation stay out) and written to `<outDir>/pagefind/`.
 * Dev: on the first request under `<base>/pagefind/`, the case pages are fetched from the dev
 * server itself, indexed in memory and served from there; a change to a write-up drops the index
 * so the next search rebuilds it.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Fails loudly: an index that silently misses pages would make search lie. */
function throwOnErrors(step: string, errors: readonly string[], logger: AstroIntegrationLogger): void {
	if (errors.length === 0) return;
	for (const error of errors) logger.error(`${step}: ${error}`);
	throw new Error(`Pagefind failed at ${step}: ${errors.join('; ')}`);
}

async function createIndex(logger: AstroIntegrationLogger) {
	const { index, errors } = await pagefind.createIndex({
		rootSelector: 'html',
		excludeSelectors: ['[data-pagefind-ignore="all"]'],
	});
	throwOnErrors('createIndex', errors, logger);
	if (!index) throw new Error('Pagefind did not create an index');
	return index;
}

/** The Astro integration. */
export function pagefindIntegration(): AstroIntegration {
	let base = '/';
	return {
		name: 'breach-casebook:pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const started = performance.now();
				try {
					const index = await createIndex(logger);
					// Only case pages carry data-pagefind-body; reading the thousands of listing pages too would
					// double the indexing time for nothing.
					const added = await index.addDirectory({ path: outDir, glob: 'incidents/**/*.html' });
					throwOnErrors('addDirectory', added.errors, logger);
					const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
					throwOnErrors('writeFiles', written.errors, logger);
					logger.info(`Indexed ${added.page_count} case pages in ${Math.round(performance.now() - started)} ms`);
				} finally {
					await pagefind.close();
				}
			},
			'astro:server:setup': ({ server, logger }) => {
				const prefix = `${base}pagefind/`;
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
					const api = await fetch(`${origin}${base}api/incidents.json`).then(
						(r) => r.json() as Promise<{ incidents: { url: string; slug: string }[] }>,
					);
					const index = await createIndex(logger);
					for (const incident of api.incidents) {
						// Relative to the base, as in the built index; the client adds the base.
						const path = `/incidents/${incident.slug}/`;
						const html = await fetch(`${origin}${base}${path.slice(1)}`).then((r) => r.text());
						const added = await index.addHTMLFile({ url: path, content: html });
						throwOnErrors(`addHTMLFile ${path}`, added.errors, logger);
					}
					const out = await index.getFiles();
					throwOnErrors('getFiles', out.errors, logger);
					await index.deleteIndex();
					logger.info(
						`Dev search index: ${api.incidents.length} case pages in ${Math.round(performance.now() - started)} ms`,
					);
					return new Map(out.files.map((f) => [`${prefix}${f.path}`, f.content]));
				};
				server.middlewares.use(async (req, res, next) => {
					// Vite may already have stripped the base from the URL.
					const url = (req.url ?? '').split('?')[0]!;
					const path = url.startsWith(prefix)
						? url
						: url.startsWith('/pagefind/')
							? `${base}${url.slice(1)}`
							: undefined;
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
