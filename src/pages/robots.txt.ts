import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/urls.ts';
import { siteRoot } from '../site/urls.ts';

/** Allows every crawler and names the sitemap. */
export const GET: APIRoute = ({ site }) =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('sitemap-index.xml', siteRoot(site))}\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
