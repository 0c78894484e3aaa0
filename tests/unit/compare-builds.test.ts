import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareBuilds, formatComparison } from '../../scripts/compare-builds.ts';

const dir = mkdtempSync(join(tmpdir(), 'casebook-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A built site of `files`, path to text. */
function site(name: string, files: Record<string, string>): string {
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(dir, name, path, '..'), { recursive: true });
		writeFileSync(join(dir, name, path), text);
	}
	return join(dir, name);
}

const page = '<h1>Kaiser Permanente</h1>';
const api = (generated: string) => `{"schemaVersion":"1.0.0","generated":"${generated}","count":1}`;
/** The comparison as `npm run compare-builds` prints it, and its exit code; in process. */
const compare = (before: string, after: string, ...expect: string[]) => {
	const { text, ok } = formatComparison(compareBuilds(before, after, expect));
	return { out: text, code: ok ? 0 : 1 };
};

describe('compare-builds', () => {
	const before = site('before', { 'index.html': page, 'api/incidents.json': api('2026-12-01T00:00:00.000Z') });

	it('passes two sites that differ only in the build date', () => {
		const after = site('after', { 'index.html': page, 'api/incidents.json': api('2026-12-01T00:04:10.512Z') });
		const { code, out } = compare(before, after);
		expect(out).toContain('2 files: 1 identical, 1 differing only in the build date or the names of changed assets.');
		expect(code).toBe(0);
	});

	it('fails on any other change, saying where, unless the change is expected', () => {
		const after = site('changed', { 'index.html': '<h1>Kaiser</h1>', 'api/incidents.json': api('x'), 'new.txt': '' });
		const { code, out } = compare(before, after);
		expect(out).toMatch(/Changed:\n {2}index\.html at character 10:/);
		expect(out).toContain('new.txt (only after)');
		expect(code).toBe(1);
		const expected = compare(before, site('expected', { 'index.html': '\uFEFF' + page }), 'index.html');
		expect(expected.out).toContain('Changed as expected:\n  index.html (26 → 29 bytes)');
		expect(expected.out).toContain('api/incidents.json (only before)');
		expect(expected.code).toBe(1);
	});

	it('takes a pattern for a family of expected changes, and names a pattern that matched nothing', () => {
		const after = site('family', {
			'index.html': '<h1>Kaiser</h1>',
			'api/incidents.json': api('2026-12-01T00:00:00.000Z'),
		});
		const { out, code } = compare(before, after, '*.html', 'register/**');
		expect(out).toMatch(/Changed as expected:\n {2}\*\.html: 1 files, the first index\.html at character 10:/);
		expect(out).toContain('! --expect register/**: no file changed that it names');
		expect(code).toBe(0);
	});

	it('pairs a changed asset with its new hashed name, and compares the pages that link it under that name', () => {
		const old = site('asset-before', {
			'index.html': '<link href="/_astro/BaseLayout.DvBJbeTU.css">',
			'_astro/BaseLayout.DvBJbeTU.css': 'a{}',
		});
		const renamed = site('asset-after', {
			'index.html': '<link href="/_astro/BaseLayout.Q4J4aiP5.css">',
			'_astro/BaseLayout.Q4J4aiP5.css': 'a{color:red}',
		});
		const { out, code } = compare(old, renamed, '_astro/*.css');
		expect(out).toContain('2 files: 0 identical, 1 differing only in the build date or the names of changed assets.');
		expect(out).toContain(
			'_astro/*.css: 1 files, the first _astro/BaseLayout.DvBJbeTU.css (now _astro/BaseLayout.Q4J4aiP5.css)',
		);
		expect(code).toBe(0);
	});
});
