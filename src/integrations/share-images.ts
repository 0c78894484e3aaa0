/**
 * Draws the share image of every case study (`incidents/<slug>/share.png`) and of the site
 * (`share.png`) from `api/incidents.json`: in `npm run build` into their cache while Astro renders
 * (scripts/share-images.ts) and into the site once it has exited, and at `astro:build:done` in a
 * plain `astro build`. Satori lays the card out as SVG
 * with the Inter font from its npm package, resvg rasterises it to PNG. No browser, no network.
 *
 * Each image is kept in `.astro/share-images/` under a hash of what it shows, so a rebuild draws
 * only the cards whose title, organization, count or year changed. A cold build draws every card,
 * about 50 ms each on one core; `SHARE_IMAGES=off` skips them (the scale test's synthetic corpus,
 * whose pages are checked for other things), leaving the pages' og:image links unanswered.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import {
	incidentShareCard,
	SHARE_IMAGE_SIZE,
	shareCardTree,
	siteShareCard,
	type ShareCard,
} from '../lib/casebook/share-card.ts';
import { incidentPath, SHARE_IMAGE_FILE } from '../lib/urls.ts';
import { API_INDEX_PATH, type ApiIndex } from '../lib/casebook/export.ts';
import { buildMark } from './build-marks.ts';
import { INDEX_AFTER_ASTRO } from './pagefind.ts';

// Part of every cache key: bump it when the layout or the renderer changes.
const RENDERER = 'share-card-1';

/** The PNG of a card. */
export async function renderShareCard(card: ShareCard): Promise<Buffer> {
	// Loaded on first use: Astro loads this module with its configuration, and satori alone takes
	// a few hundred ms to load.
	const [{ default: satori }, { renderAsync }] = await Promise.all([import('satori'), import('@resvg/resvg-js')]);
	const svg = await satori(shareCardTree(card) as unknown as Parameters<typeof satori>[0], {
		...SHARE_IMAGE_SIZE,
		fonts: FONTS(),
	});
	// Rasterised off the main thread, so that several cards are drawn at once.
	return (await renderAsync(svg, { fitTo: { mode: 'original' } })).asPng();
}

let fonts: Parameters<typeof import('satori').default>[1]['fonts'] | undefined;
// satori reads WOFF (not WOFF2): the Latin subsets of Inter, regular and bold.
const FONTS = () => {
	const file = (weight: 400 | 700) =>
		readFileSync(createRequire(import.meta.url).resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`));
	fonts ??= [
		{ name: 'Inter', data: file(400), weight: 400, style: 'normal' },
		{ name: 'Inter', data: file(700), weight: 700, style: 'normal' },
	];
	return fonts;
};

/**
 * Draws (or takes from the cache in `cacheDir`) the share image of every case study listed in
 * `<outDir>/api/incidents.json`, and the site's, into `outDir`; with `SHARE_IMAGES=off`, none,
 * saying so. With `copy: false` it only fills the cache (scripts/build.ts does that while Astro
 * is still rendering the rest of the site); `parallel` cards are drawn at a time.
 */
export async function drawShareImages(
	outDir: string,
	cacheDir: string,
	log: { info(message: string): void; warn(message: string): void },
	{ copy = true, parallel = availableParallelism() + 1 }: { copy?: boolean; parallel?: number } = {},
): Promise<{ images: number; drawn: number; ms: number }> {
	if (process.env.SHARE_IMAGES === 'off') {
		log.warn('SHARE_IMAGES=off: no share images drawn; og:image links point at nothing.');
		return { images: 0, drawn: 0, ms: 0 };
	}
	const list = JSON.parse(readFileSync(join(outDir, API_INDEX_PATH), 'utf8')) as ApiIndex;
	mkdirSync(cacheDir, { recursive: true });
	const started = performance.now();
	let drawn = 0;
	const write = async (card: ShareCard, file: string) => {
		const key = createHash('sha256').update(RENDERER).update(JSON.stringify(card)).digest('hex');
		const cached = join(cacheDir, `${key.slice(0, 32)}.png`);
		if (!existsSync(cached)) {
			// Written whole or not at all: the early pass may be stopped mid-card (a failed build
			// kills it), and a truncated file under its key would be taken as drawn by every later build.
			const partial = `${cached}.${process.pid}.partial`;
			writeFileSync(partial, await renderShareCard(card));
			renameSync(partial, cached);
			drawn++;
		}
		if (!copy) return;
		mkdirSync(join(file, '..'), { recursive: true });
		copyFileSync(cached, file);
	};
	const jobs: [ShareCard, string][] = [
		[siteShareCard(), join(outDir, SHARE_IMAGE_FILE)],
		...list.incidents.map((i): [ShareCard, string] => [
			incidentShareCard(i),
			join(outDir, incidentPath(i.slug), SHARE_IMAGE_FILE),
		]),
	];
	let next = 0;
	const worker = async () => {
		while (next < jobs.length) await write(...jobs[next++]!);
	};
	await Promise.all(Array.from({ length: parallel }, worker));
	const ms = Math.round(performance.now() - started);
	buildMark('images', { pages: drawn, ms });
	log.info(
		`${jobs.length} share images (${drawn} drawn, the rest cached${copy ? '' : '; into the cache only'}) in ${ms} ms`,
	);
	return { images: jobs.length, drawn, ms };
}

/** Where the drawn images are kept between builds, under the project's root. */
export const SHARE_IMAGE_CACHE = '.astro/share-images/';

/**
 * The integration draws the images at the end of a plain `astro build`. `npm run build`
 * (scripts/build.ts) draws them itself, in a process of its own while Astro renders: drawing a
 * cold cache's cards is about 50 ms of CPU each, and inside Astro it held the rendered site's heap
 * meanwhile (docs/BENCHMARKS.md, the 200-case finding).
 */
export function shareImagesIntegration(): AstroIntegration {
	let cacheDir = '';
	return {
		name: 'breach-casebook:share-images',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(new URL(SHARE_IMAGE_CACHE, config.root));
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (process.env[INDEX_AFTER_ASTRO] === '1') return;
				await drawShareImages(fileURLToPath(dir), cacheDir, logger);
			},
		},
	};
}
