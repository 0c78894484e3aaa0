/**
 * Measures derived from an incident's dated milestones: how long data was exposed, and how long
 * it took from discovery to each kind of notice. Partial dates give ranges, never false precision.
 */
import type { IncidentData, DateField } from '../../schemas/incident.ts';
import { daysBetween, partialDate, type DayInterval, type PartialDate } from '../../schemas/partial-date.ts';
import { DAY, formatCount } from '../format.ts';

/** HIPAA Breach Notification Rule, 45 CFR 164.404(b): notify individuals within 60 days of discovery. */
export const NOTIFICATION_LIMIT_DAYS = 60;

/** A measure between two milestones, or undefined when either end is unknown. */
export interface Measure {
	days: DayInterval;
	from: DateField;
	to: DateField;
}

function milestone(data: IncidentData, field: DateField): PartialDate | undefined {
	const fact = data.dates[field];
	return fact ? partialDate(fact.date) : undefined;
}

function measure(data: IncidentData, from: DateField, to: DateField): Measure | undefined {
	const a = milestone(data, from);
	const b = milestone(data, to);
	return a && b ? { days: daysBetween(a, b), from, to } : undefined;
}

/** From exposure start to exposure end or, when the end is unknown, to discovery. */
export function exposureDuration(data: IncidentData): Measure | undefined {
	return measure(data, 'exposureStart', 'exposureEnd') ?? measure(data, 'exposureStart', 'discovered');
}

/** From discovery to the first notices to individuals. */
export const discoveryToNotification = (data: IncidentData) => measure(data, 'discovered', 'individualsNotified');
/** From discovery to the report to a regulator. */
export const discoveryToRegulatorReport = (data: IncidentData) => measure(data, 'discovered', 'reportedToRegulator');
/** From discovery to public disclosure. */
export const discoveryToPublicDisclosure = (data: IncidentData) => measure(data, 'discovered', 'publiclyDisclosed');

/** Whether individuals were notified after the 60-day limit: yes, no, possibly (the dates straddle it), or unknown. */
export type LateStatus = 'late' | 'on-time' | 'possibly-late' | 'unknown';

/** Compares discovery → notification with the HIPAA 60-day limit, honestly for partial dates. */
export function notificationStatus(data: IncidentData): LateStatus {
	const delay = discoveryToNotification(data);
	if (!delay) return 'unknown';
	if (delay.days.min > NOTIFICATION_LIMIT_DAYS) return 'late';
	if (delay.days.max <= NOTIFICATION_LIMIT_DAYS) return 'on-time';
	return 'possibly-late';
}

/** All four measures of one incident, for pages and exports. */
export function incidentMeasures(data: IncidentData) {
	return {
		exposure: exposureDuration(data),
		toNotification: discoveryToNotification(data),
		toRegulator: discoveryToRegulatorReport(data),
		toPublic: discoveryToPublicDisclosure(data),
		notification: notificationStatus(data),
	};
}
export type IncidentMeasures = ReturnType<typeof incidentMeasures>;

/** A compact form for tables: "3 days", "50–80 days", "8.5 years". */
export function formatDaysShort(days: DayInterval): string {
	const mid = (days.min + days.max) / 2;
	if (mid >= 365) return `${(mid / 365.25).toFixed(1)} years`;
	return days.min === days.max ? formatCount(days.min, DAY) : `${days.min}–${days.max} days`;
}

/** "3 days", "about 8.5 years (3,110–3,140 days)". */
export function formatDays(days: DayInterval): string {
	const exact =
		days.min === days.max ? formatCount(days.min, DAY) : `${formatCount(days.min)}–${formatCount(days.max)} days`;
	const mid = (days.min + days.max) / 2;
	if (mid < 365) return exact;
	const years = mid / 365.25;
	return `about ${years.toFixed(1)} years (${exact})`;
}
