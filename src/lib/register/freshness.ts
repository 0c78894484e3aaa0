/**
 * How fresh the register is: the date of its newest export, and whether that is too old. The one
 * rule that every register page's "Register data as of …" line, the home page and the build's
 * warning share.
 */
import { dayRange, partialDate } from '../../schemas/partial-date.ts';
import { snapshotDay, snapshotDayText } from './export-dates.ts';

/**
 * Days after which the newest export counts as stale. The portal adds filings every week, and the
 * scheduled refresh runs weekly, so six weeks without an export means the refresh has stopped.
 */
export const REGISTER_STALE_AFTER_DAYS = 45;

/** A UTC day number (days since 1970-01-01) of a YYYY-MM-DD date, or of a snapshot's day. */
export const dayNumber = (iso: string) => dayRange(partialDate(snapshotDay(iso))).first;

/** How old the register's newest export is on `today`. */
export interface RegisterFreshness {
	/** The newest export's date, YYYY-MM-DD. */
	asOf: string;
	/** Whole days from that export to `today`. */
	ageDays: number;
	/** Older than REGISTER_STALE_AFTER_DAYS. */
	stale: boolean;
}

/** The freshness of a register whose newest export is of `asOf`, on the UTC day number `today` (src/lib/build-info.ts). */
export function registerFreshness(asOf: string, today: number): RegisterFreshness {
	const ageDays = today - dayNumber(asOf);
	return { asOf, ageDays, stale: ageDays > REGISTER_STALE_AFTER_DAYS };
}

/** "Register data as of 1 July 2026": the line every register page and the home page show. */
export const registerAsOf = (asOf: string) => `Register data as of ${snapshotDayText(asOf)}`;

/** The build's warning when the newest export is stale, naming its date and age; undefined when it is fresh. */
export function staleRegisterWarning(freshness: RegisterFreshness): string | undefined {
	if (!freshness.stale) return undefined;
	return `The register's newest export is of ${snapshotDayText(freshness.asOf)} (${freshness.asOf}), ${freshness.ageDays} days old, more than ${REGISTER_STALE_AFTER_DAYS}: fetch and import a new one (npm run fetch:hhs, then npm run import:hhs; docs/REGISTER.md).`;
}
