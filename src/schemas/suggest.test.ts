import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from './suggest.ts';
import { slugify } from './slug.ts';

describe('closestMatch', () => {
	const terms = ['names', 'email-addresses', 'tracking-technology', 'hacking-it-incident', 'misdelivery'];
	it('finds a typo, an abbreviation, a first word and a label', () => {
		expect(closestMatch('misdelivry', terms)).toBe('misdelivery');
		expect(closestMatch('tracking-tech', terms)).toBe('tracking-technology');
		expect(closestMatch('emails', terms)).toBe('email-addresses');
		expect(closestMatch('Hacking/IT Incident', terms)).toBe('hacking-it-incident');
	});
	it('suggests nothing when nothing is close', () => {
		expect(closestMatch('ransomware', terms)).toBeUndefined();
		expect(closestMatch('b', ['a'])).toBeUndefined();
		expect(closestMatch(42, terms)).toBeUndefined();
	});
});

describe('slugify and editDistance', () => {
	it('make stable slugs', () => {
		expect(slugify('Kaiser Foundation Health Plan, Inc.')).toBe('kaiser-foundation-health-plan-inc');
		expect(slugify('Société Générale & Co')).toBe('societe-generale-and-co');
	});
	it('counts edits', () => {
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('qoute', 'quote')).toBe(1);
	});
});
