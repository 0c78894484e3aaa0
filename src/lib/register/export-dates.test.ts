import { describe, expect, it } from 'vitest';
import { exportDateOf, exportDates, formatExportDate, snapshotDate, snapshotDayText } from './export-dates.ts';

describe('export dates', () => {
	it('says a known day, or the days between which the export was made, as briefly as is clear', () => {
		expect(formatExportDate({ from: '2024-10-08', to: '2024-10-08' })).toBe('on 8 October 2024');
		expect(formatExportDate({ from: '2025-04-02', to: '2025-04-09' })).toBe('between 2 and 9 April 2025');
		expect(formatExportDate({ from: '2022-03-28', to: '2022-04-02' })).toBe('between 28 March and 2 April 2022');
		expect(formatExportDate({ from: '2015-02-26', to: '2023-08-31' })).toBe(
			'between 26 February 2015 and 31 August 2023',
		);
	});

	it('takes a snapshot the import log does not list at its own date', () => {
		const dates = exportDates([{ snapshot: '2022-03-30-b', exported: { from: '2022-03-30', to: '2022-04-07' } }]);
		expect(exportDateOf('2022-03-30-b', dates)).toEqual({ from: '2022-03-30', to: '2022-04-07' });
		expect(exportDateOf('2027-01-15', dates)).toEqual({ from: '2027-01-15', to: '2027-01-15' });
	});

	it("says a snapshot's day as a reader reads it, a second export of a day as that day", () => {
		expect(snapshotDayText('2024-10-08')).toBe('8 October 2024');
		expect(snapshotDayText('2022-03-30-b')).toBe('30 March 2022');
	});

	it("dates a snapshot's feed entries at the start of its day in UTC", () => {
		expect(snapshotDate('2022-03-30-b').toISOString()).toBe('2022-03-30T00:00:00.000Z');
	});
});
