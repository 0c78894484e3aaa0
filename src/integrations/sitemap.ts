/**
 * @astrojs/sitemap, made affordable for a site of 15,000 pages. It sorts the page URLs with
 * `a.localeCompare(b, 'en', { numeric: true })`; V8 caches the collator of `localeCompare` only
 * when no options are given, so each of the sort's ~200,000 comparisons built a new ICU collator
 * (2–4 s of the real site's build). While its `astro:build:done` hook runs, `localeCompare`
 * uses one `Intl.Collator` per locale and options, which the language defines to compare the same.
 */
import sitemap, { type SitemapOptions } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

type Hooks = AstroIntegration['hooks'];

/** Runs `work` with `String.prototype.localeCompare` backed by cached collators. */
export async function withCachedCollators<T>(work: () => T | Promise<T>): Promise<T> {
	const original = String.prototype.localeCompare;
	const collators = new Map<string, Intl.Collator>();
	String.prototype.localeCompare = function (
		this: string,
		that: string,
		locales?: string | string[],
		options?: Intl.CollatorOptions,
	) {
		const key = JSON.stringify([locales, options]);
		let collator = collators.get(key);
		if (!collator) collators.set(key, (collator = new Intl.Collator(locales, options)));
		return collator.compare(this, that);
	};
	try {
		return await work();
	} finally {
		String.prototype.localeCompare = original;
	}
}

/** The sitemap integration, its `astro:build:done` run with cached collators. */
export function sitemapIntegration(options: SitemapOptions): AstroIntegration {
	const integration = sitemap(options);
	const done = integration.hooks['astro:build:done'];
	if (!done) return integration;
	const hooks: Hooks = {
		...integration.hooks,
		'astro:build:done': (params) => withCachedCollators(() => done(params)),
	};
	return { ...integration, hooks };
}
