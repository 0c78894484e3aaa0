import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy, nginxLocations, parseHeaders } from './headers.ts';

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

	it('gives nginx the same headers in every location under the base', () => {
		const conf = nginxLocations(rules, '/casebook/');
		expect(conf).toContain('location /casebook/ {');
		expect(conf).toContain('location ^~ /casebook/_astro/ {');
		expect(conf.match(/add_header Content-Security-Policy/g)).toHaveLength(rules.length);
		// A location of its own still serves the folder's page (/data/ is the open-data page).
		expect(conf).toMatch(/location \^~ \/casebook\/data\/ \{[^}]*try_files \$uri \$uri\/ \$uri\.html =404;/);
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
