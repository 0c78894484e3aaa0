/**
 * The README's commands are package.json scripts. A script that names a file that is not there
 * fails only when someone runs it, so every file a script names must exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

describe('package.json scripts', () => {
	it.each(Object.entries(scripts))('%s names only files that exist', (_name, command) => {
		const files = command.match(/(?<=\s|^)(?:scripts|src|tests)\/[\w./-]+/g) ?? [];
		for (const file of files) expect(existsSync(file), `${file} (in "${command}")`).toBe(true);
	});

	it('names the scripts the README documents', () => {
		const readme = readFileSync('README.md', 'utf8');
		const documented = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
		expect(documented.length).toBeGreaterThan(5);
		for (const name of documented) expect(Object.keys(scripts), `npm run ${name}`).toContain(name);
	});
});
