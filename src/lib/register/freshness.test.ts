import { describe, expect, it } from 'vitest';
import { buildDay } from '../build-info.ts';
import {
	dayNumber,
	REGISTER_STALE_AFTER_DAYS,
	registerAsOf,
	registerFreshness,
	staleRegisterWarning,
} from './freshness.ts';

/** A fixed "today": 6 December 2026, as SOURCE_DATE_EPOCH gives it to the build. */
const today = buildDay({ SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 6, 15, 30) / 1000) });

describe('how fresh the register is', () => {
	it('takes the build day from SOURCE_DATE_EPOCH and counts whole days since the export', () => {
		expect(today).toBe(dayNumber('2026-12-06'));
		expect(registerFreshness('2026-07-01', today)).toEqual({ asOf: '2026-07-01', ageDays: 158, stale: true });
	});

	it(`is stale only after more than ${REGISTER_STALE_AFTER_DAYS} days`, () => {
		expect(registerFreshness('2026-10-22', today)).toMatchObject({ ageDays: 45, stale: false });
		expect(registerFreshness('2026-10-21', today)).toMatchObject({ ageDays: 46, stale: true });
		expect(registerFreshness('2026-12-06', today)).toMatchObject({ ageDays: 0, stale: false });
	});

	it('warns naming the date and the age, and says nothing when fresh', () => {
		expect(staleRegisterWarning(registerFreshness('2026-07-01', today))).toMatch(
			/^The register's newest export is of 1 July 2026 \(2026-07-01\), 158 days old, more than 45: .*npm run fetch:hhs/,
		);
		expect(staleRegisterWarning(registerFreshness('2026-11-30', today))).toBeUndefined();
	});

	it('says the date in words on the pages', () => {
		expect(registerAsOf('2026-07-01')).toBe('Register data as of 1 July 2026');
	});
});
