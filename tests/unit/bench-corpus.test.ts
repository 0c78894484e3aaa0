/**
 * The benchmark's synthetic corpus must read, to Pagefind, like the real casebook: a search loads
 * every location of its words, so a corpus whose common words are commoner than real prose's
 * overstates the search payload, and one whose words are too rare understates it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { bodyWords, folderProfile, wordProfile } from '../../scripts/bench/profile.ts';

const dir = mkdtempSync(join(tmpdir(), 'casebook-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('word profile', () => {
	it('counts the words on nearly every page and their share of the text', () => {
		const p = wordProfile([
			bodyWords('---\ntitle: x\n---\nData and the breach; data. <Cite id="a"/>'),
			bodyWords('The data notice {/* a comment */} [link](https://example.org/breach)'),
		]);
		// "and" and "the" are function words, and a link's address is not text: the pages hold
		// data, breach, data and data, notice, link. "data" is on both, the others on one.
		expect(p.stemsOn90).toBe(1);
		expect(p.everywhereShare).toBeCloseTo(3 / 6);
		expect(p.stemsOn50).toBe(4);
		expect(p.top[0]).toEqual({ stem: 'data', perPage: 1.5, pages: 1 });
	});
});

describe('the synthetic corpus', () => {
	const real = folderProfile('content/incidents');
	const synthetic = (() => {
		generateCorpus({ cases: 400, dir });
		return folderProfile(join(dir, 'incidents'));
	})();

	it('has about as many words on nearly every page as the real casebook', () => {
		expect(real.stemsOn90).toBeGreaterThan(5);
		expect(synthetic.stemsOn90).toBeGreaterThanOrEqual(real.stemsOn90 / 2);
		expect(synthetic.stemsOn90).toBeLessThanOrEqual(real.stemsOn90 * 2);
	});

	it('gives those words about the same share of the text', () => {
		expect(synthetic.everywhereShare).toBeGreaterThanOrEqual(real.everywhereShare / 2);
		expect(synthetic.everywhereShare).toBeLessThanOrEqual(real.everywhereShare * 2);
	});

	it('has no word far commoner on a page than the real casebook’s commonest', () => {
		expect(synthetic.top[0]!.perPage).toBeLessThanOrEqual(real.top[0]!.perPage * 2);
	});
});
