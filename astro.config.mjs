// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { siteConfig } from './src/site-config.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { incidentJsonIntegration } from './src/integrations/incident-json.ts';
import { buildMarksIntegration } from './src/integrations/build-marks.ts';
import { siteUrlIntegration } from './src/integrations/site-url.ts';
import { shareImagesIntegration } from './src/integrations/share-images.ts';
import { sitemapIntegration } from './src/integrations/sitemap.ts';
import { redirectSlugs } from './src/tooling/content-dir.ts';

const { site, base } = siteConfig();
const redirects = redirectSlugs();

// SITE_URL and BASE_PATH configure where the site is deployed: at the root of a domain, or under
// a sub-path such as GitHub Pages' /<repository>/. Every internal link goes through src/site/urls.ts.
export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	// Stylesheets stay files: the Content-Security-Policy allows styles from 'self' only.
	// Four pages at a time: rendering is one thread, and writing each page's folder and file
	// otherwise left it waiting on the disk (docs/BENCHMARKS.md, the real site's findings).
	build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
	integrations: [
		siteUrlIntegration(),
		mdx(),
		// Redirect pages left at former slugs are not pages of their own.
		sitemapIntegration({ filter: (page) => ![...redirects].some((slug) => page.endsWith(`/incidents/${slug}/`)) }),
		incidentJsonIntegration(),
		shareImagesIntegration(),
		pagefindIntegration(),
		// Timing marks for the benchmark; nothing unless CASEBOOK_BUILD_MARKS is set.
		buildMarksIntegration(),
	],
	vite: {
		plugins: [tailwindcss()],
		// Purposely never inline scripts: the Content-Security-Policy allows scripts from 'self' only.
		build: {
			assetsInlineLimit: 0,
			rolldownOptions: {
				// Astro's own MDX modules carry a directive that the bundler warns about once per
				// write-up; the warning is not actionable and would bury real messages.
				onLog(level, log, handler) {
					if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
					handler(level, log);
				},
			},
		},
	},
});
