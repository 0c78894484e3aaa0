/**
 * A build without SITE_URL: a local one warns, naming every output that points at localhost; one
 * for deployment (CI, or --production) fails and leaves the previous site as it was.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLACEHOLDER_SITE, SITE_URL_OUTPUTS } from '../../src/site-config.ts';
import { runScript } from '../fixtures/model.ts';

describe('a build without SITE_URL', () => {
	const work = mkdtempSync(join(tmpdir(), 'casebook-site-url-'));
	afterAll(() => rmSync(work, { recursive: true, force: true }));
	const content = join(work, 'content');
	mkdirSync(join(content, 'incidents'), { recursive: true });
	cpSync('tests/fixtures/good-content/incidents/good-case-2024.mdx', join(content, 'incidents', 'good-case-2024.mdx'));

	it('warns loudly, naming the outputs, and builds', async () => {
		const site = join(work, 'local');
		const build = await runScript('build.ts', content, ['--outDir', site], { SITE_URL: '', CI: '' });
		expect(build.code, build.out).toBe(0);
		expect(build.out).toContain(`SITE_URL is not set: these outputs point at ${PLACEHOLDER_SITE}`);
		for (const output of SITE_URL_OUTPUTS) expect(build.out).toContain(output);
		// What the warning says is so.
		expect(readFileSync(join(site, 'rss.xml'), 'utf8')).toContain(`${PLACEHOLDER_SITE}/incidents/good-case-2024/`);
	}, 180_000);

	for (const [name, env, args] of [
		['in CI', { SITE_URL: '', CI: 'true' }, []],
		['with --production', { SITE_URL: '', CI: '' }, ['--production']],
	] as const) {
		it(`fails ${name}, leaving the previous site`, async () => {
			const site = join(work, `deploy-${args.length}`);
			mkdirSync(site);
			writeFileSync(join(site, 'index.html'), '<!doctype html><title>previous site</title>');
			const build = await runScript('build.ts', content, ['--outDir', site, ...args], env);
			expect(build.code).toBe(1);
			expect(build.out).toContain('SITE_URL is not set, and this is a build for deployment');
			expect(build.out).toContain('is unchanged');
			expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('<!doctype html><title>previous site</title>');
			expect(existsSync(`${site}.staging`)).toBe(false);
		});
	}
});
