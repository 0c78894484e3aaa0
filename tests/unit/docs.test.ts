import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillGenerated, generatedBlocks } from '../../src/tooling/docs.ts';
import { vocabularies } from '../../src/vocabularies.ts';

describe('generated documentation', () => {
	const headers = readFileSync('public/_headers', 'utf8');
	for (const file of ['docs/AUTHORING.md', 'docs/DATA.md', 'docs/DEPLOY.md']) {
		it(`${file} matches the model (run npm run docs after changing it)`, () => {
			const text = readFileSync(file, 'utf8');
			expect(fillGenerated(text, generatedBlocks(headers))).toBe(text);
		});
	}

	it('lists every vocabulary term', () => {
		const text = readFileSync('docs/AUTHORING.md', 'utf8');
		for (const v of Object.values(vocabularies))
			for (const key of Object.keys(v.terms)) expect(text).toContain(`| \`${key}\` |`);
	});
});
