import { describe, expect, it } from 'vitest';
import { withCachedCollators } from './sitemap.ts';

// The sitemap lists pages in the order of `localeCompare(…, 'en', { numeric: true })`; with the
// cached collators the order must not change, and localeCompare must be itself again afterwards.
describe('withCachedCollators', () => {
	const urls = [
		'https://casebook.example/register/page/10/',
		'https://casebook.example/register/page/2/',
		'https://casebook.example/Register/',
		'https://casebook.example/register/a-b/',
		'https://casebook.example/register/a/',
		'https://casebook.example/timeline/2024/12/',
		'https://casebook.example/timeline/2024/9/',
		'https://casebook.example/organizations/é-health/',
		'https://casebook.example/organizations/e-health/',
	];
	const sorted = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

	it('sorts as localeCompare with the same locale and options', async () => {
		const expected = sorted(urls);
		expect(expected.indexOf('https://casebook.example/register/page/2/')).toBeLessThan(
			expected.indexOf('https://casebook.example/register/page/10/'),
		);
		expect(await withCachedCollators(() => sorted(urls))).toEqual(expected);
		expect(await withCachedCollators(() => [...urls].sort((a, b) => a.localeCompare(b)))).toEqual(
			[...urls].sort((a, b) => a.localeCompare(b)),
		);
	});

	it('puts localeCompare back, also when the work fails', async () => {
		const original = String.prototype.localeCompare;
		await expect(
			withCachedCollators(() => {
				expect(String.prototype.localeCompare).not.toBe(original);
				throw new Error('failed');
			}),
		).rejects.toThrow('failed');
		expect(String.prototype.localeCompare).toBe(original);
	});
});
