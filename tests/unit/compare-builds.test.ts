import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../fixtures/model.ts';

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
const compare = (...args: string[]) => runScript('compare-builds.ts', dir, args);

describe('compare-builds', () => {
	const before = site('before', { 'index.html': page, 'api/incidents.json': api('2026-12-01T00:00:00.000Z') });

	it('passes two sites that differ only in the build date', async () => {
		const after = site('after', { 'index.html': page, 'api/incidents.json': api('2026-12-01T00:04:10.512Z') });
		const { code, out } = await compare(before, after);
		expect(out).toContain('2 files: 1 identical, 1 differing only in the build date.');
		expect(code).toBe(0);
	});

	it('fails on any other change, saying where, unless the change is expected', async () => {
		const after = site('changed', { 'index.html': '<h1>Kaiser</h1>', 'api/incidents.json': api('x'), 'new.txt': '' });
		const { code, out } = await compare(before, after);
		expect(out).toMatch(/Changed:\n {2}index\.html at character 10:/);
		expect(out).toContain('new.txt (only after)');
		expect(code).toBe(1);
		const expected = await compare(
			before,
			site('expected', { 'index.html': '\uFEFF' + page }),
			'--expect',
			'index.html',
		);
		expect(expected.out).toContain('Changed as expected:\n  index.html (26 → 29 bytes)');
		expect(expected.out).toContain('api/incidents.json (only before)');
		expect(expected.code).toBe(1);
	});
});
