import { describe, expect, it } from 'vitest';
import { makeRegisterRecord } from '../../../tests/fixtures/model.ts';
import { foldHistory, type RegisterObservation, type RegisterRecord } from '../../schemas/register.ts';
import { buildRegisterModel } from './model.ts';
import {
	placeholderLifetimes,
	replacedPlaceholders,
	revisedByYearFiled,
	revisionRatioBands,
	revisionsByExportYear,
	snapshotsOf,
	waitingPlaceholders,
} from './revisions.ts';

/** A filing first seen in 2014 at `count`, then observed as `later` says: snapshot → new count, or absent. */
function filing(id: string, submitted: string, count: number | null, later: [string, number | null | 'absent'][] = []) {
	const base = makeRegisterRecord(id, id.toUpperCase(), submitted, { individualsAffected: count });
	const first = { ...base.history[0]!, snapshot: '2014-06-01' };
	const history: RegisterObservation[] = [
		first,
		...later.map(([snapshot, c]) =>
			c === 'absent' ? { snapshot, absent: true as const } : { snapshot, individualsAffected: c },
		),
	];
	const seen = history.filter((o) => !o.absent).map((o) => o.snapshot);
	return {
		...base,
		...foldHistory(history),
		firstSeen: '2014-06-01',
		lastSeen: seen.at(-1)!,
		history,
	} as RegisterRecord;
}

const records = [
	// Filed at a placeholder in 2014, replaced in 2015: 500 → 12,000 (days from filing: 2014-05-01 → 2015-03-01).
	filing('a', '2014-05-01', 500, [['2015-03-01', 12000]]),
	// A placeholder revised to the other placeholder, then to a real count.
	filing('b', '2014-01-10', 501, [
		['2015-03-01', 500],
		['2020-07-15', 4000],
	]),
	// Revised down by more than half, then up a little.
	filing('c', '2013-02-02', 10000, [
		['2015-03-01', 4000],
		['2020-07-15', 4200],
	]),
	// From a blank, and to a blank.
	filing('d', '2013-06-06', null, [['2015-03-01', 900]]),
	filing('e', '2013-06-07', 900, [['2020-07-15', null]]),
	// Rose fiftyfold.
	filing('f', '2014-02-02', 1000, [['2020-07-15', 50000]]),
	// Still at a placeholder: one listed, one no longer listed.
	filing('g', '2012-01-01', 500),
	filing('h', '2014-04-04', 501, [['2015-03-01', 'absent']]),
	filing('i', '2013-01-01', 501),
	// Never revised; gone from the newest export.
	filing('j', '2014-03-03', 700, [['2026-07-01', 'absent']]),
];
const { filings } = buildRegisterModel(records, []);

describe('revisions over the years', () => {
	it('knows every snapshot, oldest first', () => {
		expect(snapshotsOf(filings)).toEqual(['2014-06-01', '2015-03-01', '2020-07-15', '2026-07-01']);
	});

	it('counts revisions per year of export, with every year that had an export', () => {
		expect(revisionsByExportYear(filings)).toEqual([
			{ year: '2014', exports: 1, revisions: 0, filings: 0, upward: 0, downward: 0, placeholders: 0 },
			{ year: '2015', exports: 1, revisions: 4, filings: 4, upward: 2, downward: 2, placeholders: 2 },
			{ year: '2020', exports: 1, revisions: 4, filings: 4, upward: 3, downward: 1, placeholders: 1 },
			{ year: '2026', exports: 1, revisions: 0, filings: 0, upward: 0, downward: 0, placeholders: 0 },
		]);
	});

	it('tells, per year filed, how many filings were revised once or more', () => {
		expect(revisedByYearFiled(filings)).toEqual([
			{ year: '2012', filings: 1, revised: 0, revisedTwice: 0 },
			{ year: '2013', filings: 4, revised: 3, revisedTwice: 1 },
			{ year: '2014', filings: 5, revised: 3, revisedTwice: 1 },
		]);
	});

	it('sorts every revision into one band of its ratio, the bands adding up to all revisions', () => {
		const bands = revisionRatioBands(filings);
		expect(Object.fromEntries(bands.map((b) => [b.key, b.revisions]))).toEqual({
			placeholder: 3,
			'from-blank': 1,
			'to-blank': 1,
			'fell-half': 1,
			fell: 0,
			'fell-little': 0,
			'rose-little': 1,
			rose: 0,
			'rose-tenfold': 0,
			'rose-more': 1,
		});
		const all = filings.reduce((n, f) => n + f.revisions.length, 0);
		expect(bands.reduce((n, b) => n + b.revisions, 0)).toBe(all);
	});
});

describe('placeholders', () => {
	it('times a placeholder from filing to the first export with a real count, not to another placeholder', () => {
		expect(replacedPlaceholders(filings).map((s) => [s.filing.record.id, s.replaced, s.days])).toEqual([
			['a', '2015-03-01', 304],
			['b', '2020-07-15', 2378],
		]);
	});

	it('lists those still at 500 or 501 in the newest export, the longest wait first, leaving out the delisted', () => {
		expect(waitingPlaceholders(filings, '2026-07-01').map((w) => [w.filing.record.id, w.days])).toEqual([
			['g', 5295],
			['i', 4929],
		]);
	});

	it('bands lifetimes of replaced and waiting placeholders, with their medians', () => {
		const lifetimes = placeholderLifetimes(filings, '2026-07-01');
		expect(lifetimes).toMatchObject({
			replaced: 2,
			waiting: 2,
			medianReplaced: (304 + 2378) / 2,
			medianWaiting: (5295 + 4929) / 2,
		});
		expect(lifetimes.bands.map((b) => [b.label, b.replaced, b.waiting])).toEqual([
			['Under 3 months', 0, 0],
			['3 to 6 months', 0, 0],
			['6 to 12 months', 1, 0],
			['1 to 2 years', 0, 0],
			['2 to 5 years', 0, 0],
			['5 years or more', 1, 2],
		]);
	});
});
