/**
 * `node scripts/share-images.ts <site>`: draws into the cache (`.astro/share-images/`) the share
 * images of the case studies listed in `<site>/api/incidents.json`, copying nothing into the site.
 *
 * scripts/build.ts runs it in a process of its own as soon as Astro has written that file, the
 * first page it renders, so that the cards (about 50 ms of CPU each) are drawn on the core Astro's
 * single-threaded rendering leaves free, and their renderer's memory is returned when it exits,
 * before Astro's heap is at its largest. The build's own step then finds every card cached.
 */
import { drawShareImages, SHARE_IMAGE_CACHE } from '../src/integrations/share-images.ts';

const [site] = process.argv.slice(2);
if (!site) {
	console.error('Usage: node scripts/share-images.ts <site>');
	process.exit(2);
}
await drawShareImages(
	site,
	SHARE_IMAGE_CACHE,
	{
		info: (message) => console.log(`[share-images] ${message}`),
		warn: (message) => console.warn(`[share-images] ${message}`),
	},
	// One card laid out by satori while another is rasterised by resvg: Astro has the other core.
	{ copy: false, parallel: 2 },
);
