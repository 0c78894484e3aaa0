import { describe, expect, it } from 'vitest';
import {
	dayRange,
	daysBetween,
	formatPartialDate,
	isImpossibleOrder,
	parsePartialDate,
	partialDate,
} from './partial-date.ts';

describe('parsePartialDate', () => {
	it('keeps the precision that was written', () => {
		expect(partialDate('2014').precision).toBe('year');
		expect(partialDate('2014-07').precision).toBe('month');
		expect(partialDate('2023-01-13')).toMatchObject({ precision: 'day', year: 2023, month: 1, day: 13 });
	});

	it('rejects dates that do not exist, saying what would be valid', () => {
		expect(parsePartialDate('2023-02-30')).toBe('2023-02-30 does not exist (expected a day from 01 to 28)');
		expect(parsePartialDate('2024-02-29')).toMatchObject({ day: 29 });
		expect(parsePartialDate('2023-13')).toMatch(/month 13 does not exist/);
		expect(parsePartialDate('13/01/2023')).toMatch(/expected YYYY, YYYY-MM or YYYY-MM-DD/);
		expect(parsePartialDate('1066')).toMatch(/out of range/);
	});
});

describe('ranges of partial dates', () => {
	it('spans the whole month or year it stands for', () => {
		const july = dayRange(partialDate('2014-07'));
		expect(july.last - july.first).toBe(30);
		const year = dayRange(partialDate('2024'));
		expect(year.last - year.first).toBe(365);
	});

	it('gives a range of days between a month and a day, not false precision', () => {
		// July 2014 to 13 January 2023: from 31 July (shortest) or 1 July (longest).
		expect(daysBetween(partialDate('2014-07'), partialDate('2023-01-13'))).toEqual({ min: 3088, max: 3118 });
		expect(daysBetween(partialDate('2023-01-10'), partialDate('2023-01-13'))).toEqual({ min: 3, max: 3 });
	});

	it('calls an order impossible only when no reading of the dates allows it', () => {
		expect(isImpossibleOrder(partialDate('2023-01'), partialDate('2023-01-05'))).toBe(false);
		expect(isImpossibleOrder(partialDate('2023'), partialDate('2023-06'))).toBe(false);
		expect(isImpossibleOrder(partialDate('2023-02-01'), partialDate('2023-01'))).toBe(true);
		expect(isImpossibleOrder(partialDate('2024'), partialDate('2023-12-31'))).toBe(true);
	});
});

describe('formatPartialDate', () => {
	it('shows exactly the known precision', () => {
		expect(formatPartialDate(partialDate('2014'))).toBe('2014');
		expect(formatPartialDate(partialDate('2014-07'))).toBe('July 2014');
		expect(formatPartialDate(partialDate('2023-01-13'))).toBe('13 January 2023');
	});
});
