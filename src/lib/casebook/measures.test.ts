import { describe, expect, it } from 'vitest';
import { makeIncident } from '../../../tests/fixtures/model.ts';
import {
	formatDays,
	formatDaysShort,
	notificationStatus,
	exposureDuration,
	discoveryToNotification,
} from './measures.ts';

describe('exposure duration', () => {
	it('runs from exposure start to end as a range when the start is a month', () => {
		const i = makeIncident('a');
		expect(i.measures.exposure).toMatchObject({ days: { min: 3088, max: 3118 }, to: 'exposureEnd' });
	});

	it('runs to discovery when the end is unknown, and says so', () => {
		const i = makeIncident('a', (fm) => delete fm.dates.exposureEnd);
		expect(exposureDuration(i.data)).toMatchObject({ to: 'discovered', days: { min: 3085, max: 3115 } });
	});

	it('is unknown without a start', () => {
		const i = makeIncident('a', (fm) => delete fm.dates.exposureStart);
		expect(i.measures.exposure).toBeUndefined();
	});
});

describe('the 60-day notification flag', () => {
	const withNotice = (date: string) => makeIncident('a', (fm) => (fm.dates.individualsNotified.date = date));
	it('flags a notice more than 60 days after discovery', () => {
		expect(notificationStatus(withNotice('2023-03-20').data)).toBe('late'); // 69 days
	});
	it('does not flag a notice on day 60', () => {
		expect(notificationStatus(withNotice('2023-03-11').data)).toBe('on-time');
	});
	it('says "possibly late" when a month-only notice straddles the limit', () => {
		// March 2023 is 50 to 80 days after 10 January.
		expect(discoveryToNotification(withNotice('2023-03').data)?.days).toEqual({ min: 50, max: 80 });
		expect(notificationStatus(withNotice('2023-03').data)).toBe('possibly-late');
	});
	it('is unknown without a notice date', () => {
		expect(notificationStatus(makeIncident('a', (fm) => delete fm.dates.individualsNotified).data)).toBe('unknown');
	});
});

describe('formatDays', () => {
	it('shows exact, ranged and long durations honestly', () => {
		expect(formatDays({ min: 1, max: 1 })).toBe('1 day');
		expect(formatDays({ min: 50, max: 80 })).toBe('50–80 days');
		expect(formatDays({ min: 3088, max: 3118 })).toBe('about 8.5 years (3,088–3,118 days)');
		expect(formatDaysShort({ min: 50, max: 80 })).toBe('50–80 days');
		expect(formatDaysShort({ min: 3088, max: 3118 })).toBe('8.5 years');
	});
});
