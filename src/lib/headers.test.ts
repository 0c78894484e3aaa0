import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	contentSecurityPolicy,
	headersFor,
	metaContentSecurityPolicy,
	nginxConfig,
	parseHeaders,
	patternRegExp,
} from './headers.ts';

const rules = parseHeaders(readFileSync('public/_headers', 'utf8'));

describe('public/_headers', () => {
	it('sets a strict CSP that allows nothing from other origins', () => {
		const csp = contentSecurityPolicy(rules);
		for (const directive of [
			"default-src 'self'",
			"script-src 'self' 'wasm-unsafe-eval'",
			"worker-src 'self' blob:",
			"object-src 'none'",
			"base-uri 'self'",
			"frame-ancestors 'none'",
			"style-src 'self'",
		]) {
			expect(csp).toContain(directive);
		}
		expect(csp).not.toMatch(/unsafe-inline|https?:|\*/);
	});

	it('sets the privacy and hardening headers on every path', () => {
		const all = Object.fromEntries(rules.find((r) => r.pattern === '/*')!.headers);
		expect(all).toMatchObject({ 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' });
		expect(all['Permissions-Policy']).toContain('camera=()');
	});

	it('caches hashed assets forever and the search index briefly', () => {
		expect(rules.find((r) => r.pattern === '/_astro/*')!.headers).toContainEqual([
			'Cache-Control',
			'public, max-age=31536000, immutable',
		]);
		expect(rules.find((r) => r.pattern === '/pagefind/*')!.headers[0]![1]).toContain('must-revalidate');
	});

	it('leaves frame-ancestors out of the <meta> policy, where browsers ignore it', () => {
		expect(metaContentSecurityPolicy("default-src 'self'; frame-ancestors 'none'")).toBe("default-src 'self'");
	});

	it('gives nginx the same headers, path by path, under the base', () => {
		const { http, server } = nginxConfig(rules, '/casebook/');
		expect(http).toContain('map $uri $casebook_content_security_policy {');
		expect(http).toContain('"~^/casebook/_astro/.*$" "public, max-age=31536000, immutable";');
		expect(server).toContain('add_header Cache-Control $casebook_cache_control always;');
		expect(server).toContain('location /casebook/ {');
		// A media type is the location's, not a second Content-Type header.
		expect(server).not.toContain('add_header Content-Type');
		expect(server).toMatch(
			/location \^~ \/casebook\/schema\/ \{\s*types \{ \}\s*default_type "application\/schema\+json";/,
		);
		expect(server).toMatch(
			/location = \/casebook\/rss\.xml \{\s*types \{ \}\s*default_type "application\/rss\+xml; charset=utf-8";/,
		);
		// Every location still serves a folder's page.
		expect(server.match(/try_files \$uri \$uri\/ \$uri\.html =404;/g)).toHaveLength(server.match(/location /g)!.length);
	});

	it('matches paths as the hosts do: * is anything, a folder is served by its index.html', () => {
		expect(patternRegExp('/*/').test('/incidents/anthem-2015/')).toBe(true);
		expect(patternRegExp('/*/').test('/incidents/anthem-2015/index.html')).toBe(true);
		expect(patternRegExp('/*/').test('/api/incidents.json')).toBe(false);
		expect(patternRegExp('/data/*.csv', '/casebook/').test('/casebook/data/register.csv')).toBe(true);
		expect(patternRegExp('/rss.xml').test('/rss.xml.gz')).toBe(false);
	});

	// One path of each kind the site serves.
	const paths = {
		page: ['/', '/incidents/anthem-2015/', '/register/stats/', '/data/', '/search/'],
		asset: ['/_astro/index.a1b2c3d4.css'],
		index: ['/pagefind/pagefind.js'],
		json: ['/api/incidents.json', '/api/incidents/anthem-2015.json', '/api/register.json'],
		csv: ['/data/incidents.csv', '/data/register.csv'],
		schema: ['/schema/api.schema.json', '/schema/register.schema.json'],
		feed: ['/rss.xml', '/atom.xml', '/register/changes.xml', '/register/browse/state/ca/feed.xml'],
		sitemap: ['/sitemap-index.xml', '/sitemap-0.xml'],
	};

	it('gives every page, JSON, CSV and XML file a deliberate Cache-Control', () => {
		const expected = {
			page: 'public, max-age=0, must-revalidate',
			sitemap: 'public, max-age=0, must-revalidate',
			asset: 'public, max-age=31536000, immutable',
			index: 'public, max-age=3600, must-revalidate',
			json: 'public, max-age=3600, must-revalidate',
			csv: 'public, max-age=3600, must-revalidate',
			schema: 'public, max-age=3600, must-revalidate',
			feed: 'public, max-age=3600, must-revalidate',
		};
		for (const [kind, list] of Object.entries(paths))
			for (const path of list)
				expect(headersFor(rules, path)['Cache-Control'], path).toBe(expected[kind as keyof typeof expected]);
	});

	it('never sets one header twice for a path, which Cloudflare Pages would join into one value', () => {
		for (const path of Object.values(paths).flat()) {
			const set = rules
				.filter((r) => patternRegExp(r.pattern).test(path))
				.flatMap((r) => r.headers.map(([n]) => n.toLowerCase()));
			expect(
				set.filter((n, i) => set.indexOf(n) !== i),
				path,
			).toEqual([]);
		}
	});

	it('serves schemas and feeds with their own media types, and feeds to any origin', () => {
		for (const path of paths.schema)
			expect(headersFor(rules, path)['Content-Type'], path).toBe('application/schema+json');
		expect(headersFor(rules, '/rss.xml')['Content-Type']).toBe('application/rss+xml; charset=utf-8');
		for (const path of ['/atom.xml', '/register/changes.xml', '/organizations/kroger/feed.xml'])
			expect(headersFor(rules, path)['Content-Type'], path).toBe('application/atom+xml; charset=utf-8');
		for (const path of paths.feed) expect(headersFor(rules, path)['Access-Control-Allow-Origin'], path).toBe('*');
	});

	it('lets browser apps on any origin read the open data, and keeps to HTTPS', () => {
		for (const path of ['/api/*', '/data/*', '/schema/*'])
			expect(rules.find((r) => r.pattern === path)!.headers, path).toContainEqual(['Access-Control-Allow-Origin', '*']);
		const all = Object.fromEntries(rules.find((r) => r.pattern === '/*')!.headers);
		expect(all['Strict-Transport-Security']).toMatch(/^max-age=(\d+); includeSubDomains$/);
		expect(Number(all['Strict-Transport-Security']!.match(/\d+/)![0])).toBeGreaterThanOrEqual(31536000);
		expect(all['Access-Control-Allow-Origin'], 'not on the pages').toBeUndefined();
	});

	it('rejects a header line outside a path', () => {
		expect(() => parseHeaders('  X-Test: 1')).toThrow(/not under a path/);
	});
});
