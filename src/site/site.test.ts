/** The modules bound to Astro and Vite, called in process: Vitest runs them through Vite as Astro does. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'astro/zod';
import { makeIncident } from '../../tests/fixtures/model.ts';
import { SCHEMA_TYPE, type OpenDataFile } from '../lib/open-data.ts';
import { META_CSP } from './meta-csp.ts';
import { citedSource, currentIncident, setCurrentIncident } from './render-context.ts';
import { jsonSchemaRoute } from './schema-route.ts';
import { siteRoot, url } from './urls.ts';

afterEach(() => vi.unstubAllEnvs());

describe('url and siteRoot', () => {
	it('put every link under the configured base', () => {
		expect(url('incidents/')).toBe('/incidents/');
		vi.stubEnv('BASE_URL', '/casebook');
		expect(url('incidents/')).toBe('/casebook/incidents/');
		expect(url()).toBe('/casebook/');
		expect(new URL('register/', siteRoot('https://example.org')).href).toBe('https://example.org/casebook/register/');
	});
});

describe('META_CSP', () => {
	it('is the policy of public/_headers, less what a <meta> element cannot carry', () => {
		expect(META_CSP).toContain("default-src 'self'");
		expect(META_CSP).not.toContain('frame-ancestors');
	});
});

describe('the render context of the MDX kit', () => {
	it('resolves a cited source to its number, and names the write-up and the ids it knows otherwise', () => {
		const locals = {};
		expect(() => currentIncident(locals, 'Cite')).toThrow("<Cite> can only be used in a case study's write-up");
		const incident = makeIncident('acme-2024');
		setCurrentIncident(locals, incident);
		const [first] = incident.citationNumbers.keys();
		expect(citedSource(locals, 'Cite', { id: first })).toMatchObject({ id: first, n: 1 });
		expect(() => citedSource(locals, 'Cite', { id: 'nope' })).toThrow(
			/^acme-2024\.mdx: <Cite id="nope">: unknown source id \(expected one of: /,
		);
	});
});

describe('jsonSchemaRoute', () => {
	const files: OpenDataFile[] = [{ path: 'schema/thing.schema.json', description: 'A thing.', type: SCHEMA_TYPE }];
	it('serves the schema as its open-data file, with its absolute URL as $id', async () => {
		const route = jsonSchemaRoute(files, z.object({ a: z.string() }), 'schema/thing.schema.json', 'Thing');
		const response = (await route({ site: new URL('https://example.org/') } as never)) as Response;
		expect(response.headers.get('Content-Type')).toBe(SCHEMA_TYPE);
		expect(await response.json()).toMatchObject({
			$id: 'https://example.org/schema/thing.schema.json',
			title: 'Thing',
		});
	});

	it('refuses a path that no dataset lists', () => {
		expect(() => jsonSchemaRoute(files, z.object({}), 'schema/other.schema.json', 'Other')).toThrow(
			'no open-data file "schema/other.schema.json" (expected one of: schema/thing.schema.json)',
		);
	});
});
