import { describe, expect, it } from 'vitest';
import { makeIncident } from '../../../tests/fixtures/model.ts';
import { median, headlineFigures, notificationShares, summariseMeasure, totalsByFacet } from './stats.ts';
import { groupByFacet } from '../group-by-facet.ts';
import { casebook } from './dataset.ts';
import { facetOf } from '../dataset.ts';
import { groupByDisclosureMonth, groupByDisclosureYear, monthName, timelineRows, timelineExtent } from './timeline.ts';
import { dayRange, partialDate } from '../../schemas/partial-date.ts';

const late = makeIncident('late', (fm) => (fm.dates.individualsNotified.date = '2023-06-01'));
const onTime = makeIncident('on-time', (fm) => {
	fm.dates.individualsNotified.date = '2023-01-20';
	fm.individualsAffected.count = 800;
});
const unknown = makeIncident('unknown', (fm) => {
	fm.individualsAffected = { count: null };
	fm.dates = {};
});

describe('aggregates', () => {
	it('computes medians', () => {
		expect(median([])).toBeUndefined();
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('sums known counts and counts unknown ones apart', () => {
		expect(headlineFigures([late, onTime, unknown])).toMatchObject({
			caseStudies: 3,
			individualsAffected: 2000,
			unknownCounts: 1,
			lateNotices: 1,
			knownNotices: 2,
		});
	});

	it('shares of notices past the 60-day limit', () => {
		expect(notificationShares([late, onTime, unknown])).toMatchObject({
			late: 1,
			'on-time': 1,
			unknown: 1,
			known: 2,
			lateShare: 0.5,
		});
	});

	it('summarises a measure over the case studies that have it', () => {
		expect(summariseMeasure([late, onTime, unknown], (i) => i.measures.toNotification?.days)).toEqual({
			known: 2,
			median: 76,
			min: 10,
			max: 142,
		});
	});

	it('totals per facet value', () => {
		const totals = totalsByFacet(groupByFacet([late, onTime, unknown], facetOf(casebook, 'vector')));
		expect(totals).toEqual([
			{
				slug: 'programming-error',
				label: 'Programming error',
				caseStudies: 3,
				individualsAffected: 2000,
				unknownCounts: 1,
			},
		]);
	});
});

describe('timeline', () => {
	const today = dayRange(partialDate('2026-11-23')).first;

	it('draws a bar from exposure start to end with its uncertainty, and markers after it', () => {
		const [row] = timelineRows([late], today);
		expect(row!.exposure).toMatchObject({ endKind: 'known', start: { exact: false }, end: { exact: true } });
		expect(row!.markers.map((m) => m.field)).toEqual(['discovered', 'reportedToRegulator', 'individualsNotified']);
	});

	it('ends the bar at discovery when the end is unknown, or leaves it open', () => {
		const toDiscovery = makeIncident('d', (fm) => delete fm.dates.exposureEnd);
		const open = makeIncident('o', (fm) => (fm.dates = { exposureStart: fm.dates.exposureStart }));
		const rows = timelineRows([toDiscovery, open], today);
		expect(rows.map((r) => r.exposure?.endKind)).toEqual(['at-discovery', 'open']);
		expect(rows[1]!.exposure!.end.first).toBe(today);
	});

	it('leaves out case studies with no date at all and spans every date', () => {
		const rows = timelineRows([late, unknown], today);
		expect(rows).toHaveLength(1);
		const extent = timelineExtent(rows)!;
		expect(extent.first).toBe(dayRange(partialDate('2014-07')).first);
		expect(extent.last).toBe(dayRange(partialDate('2023-06-01')).first);
	});

	it('groups by year of disclosure, unknown last, each with the URL segment of its page', () => {
		const groups = groupByDisclosureYear([unknown, late]);
		expect(groups.map((g) => g.year)).toEqual([2023, undefined]);
		expect(groups.map((g) => g.key)).toEqual(['2023', 'unknown']);
	});

	it('groups a year by month of disclosure, January first, a year-only date last', () => {
		const disclosedOn = (slug: string, date: string) =>
			makeIncident(slug, (fm) => (fm.dates = { publiclyDisclosed: { date, source: 'notice' } }));
		const groups = groupByDisclosureMonth([
			disclosedOn('nov', '2023-11'),
			disclosedOn('year-only', '2023'),
			disclosedOn('mar-20', '2023-03-20'),
			disclosedOn('mar-05', '2023-03-05'),
		]);
		expect(groups.map((g) => g.key)).toEqual(['03', '11', 'unknown']);
		expect(groups.map((g) => g.incidents.map((i) => i.slug))).toEqual([['mar-20', 'mar-05'], ['nov'], ['year-only']]);
		expect(groups.map((g) => monthName(g.month))).toEqual(['March', 'November', 'Month unknown']);
	});

	it('spans the axis of a very large casebook', () => {
		// 200,000 rows: more dates than a spread call can take as arguments.
		const [row] = timelineRows([late], today);
		const rows = Array.from({ length: 200_000 }, () => row!);
		expect(timelineExtent(rows)).toEqual(timelineExtent([row!]));
	});
});
