import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatNumber, formatShare, PERSON } from './format.ts';

// The formatters are made once per precision and currency; each call must still get its own.
describe('number formatting', () => {
	it('keeps each precision apart', () => {
		expect(formatNumber(1234.5678)).toBe('1,234.568');
		expect(formatNumber(1234.5678, 1)).toBe('1,234.6');
		expect(formatNumber(1234.5678)).toBe('1,234.568');
		expect(formatNumber(2.5, 0)).toBe('3');
		expect(formatShare(1, 3)).toBe('33.3%');
		expect(formatCount(1, PERSON)).toBe('1 person');
		expect(formatCount(13_400_000, PERSON)).toBe('13,400,000 people');
	});

	it('keeps each currency apart', () => {
		expect(formatMoney(16_000_000)).toBe('$16,000,000');
		expect(formatMoney(1_500.4, 'EUR')).toBe('€1,500');
		expect(formatMoney(2_000)).toBe('$2,000');
	});
});
