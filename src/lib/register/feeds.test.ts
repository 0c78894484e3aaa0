import { describe, expect, it } from 'vitest';
import { parseFeed } from '@rowanmanning/feed-parser';
import { makeRegisterRecord } from '../../../tests/fixtures/model.ts';
import { foldHistory, type RegisterObservation, type RegisterRecord } from '../../schemas/register.ts';
import { atomFeed } from '../atom-feed.ts';
import { siteRoot } from '../urls.ts';
import { changesByImport, changesOf, describeImport, feedChanges } from './changes.ts';
import { FILINGS_FEED_LIMIT, filingsFeed, filingsFeedItems, hasOrganizationFeed, registerFeedItems } from './feeds.ts';
import { SITE_TITLE } from '../site-name.ts';
import { buildRegisterModel } from './model.ts';

const SNAPSHOTS = ['2014-06-01', '2016-01-01', '2020-01-01', '2026-07-01'];

/** A filing first seen at `first` with `count`, then at each later snapshot with the count given. */
function filing(id: string, state: 'OH' | 'CA', first: string, count: number, later: [string, number][] = []) {
	const base = makeRegisterRecord(id, `Org ${id}`, first, { individualsAffected: count, state });
	const history: RegisterObservation[] = [
		{ ...base.history[0]!, snapshot: first },
		...later.map(([snapshot, c]) => ({ snapshot, individualsAffected: c })),
	];
	return { ...base, ...foldHistory(history), firstSeen: first, lastSeen: SNAPSHOTS.at(-1)!, history } as RegisterRecord;
}

const records = [
	filing('base-oh', 'OH', '2014-06-01', 500, [['2016-01-01', 9000]]),
	filing('base-ca', 'CA', '2014-06-01', 700),
	// Many additions and many revisions at the newest import.
	...Array.from({ length: 30 }, (_, i) => filing(`new-${i}`, 'CA', '2026-07-01', 1000 + i)),
	...Array.from({ length: 30 }, (_, i) => filing(`rev-${i}`, 'OH', '2020-01-01', 600, [['2026-07-01', 700 + i]])),
];
const model = buildRegisterModel(records, []);
const imports = changesByImport(model.filings);
const site = siteRoot('https://casebook.example', '/casebook/');

describe('what each import changed', () => {
	it('lists every import, newest first, the first as the baseline', () => {
		expect(imports.map((i) => [i.snapshot, i.baseline])).toEqual([
			['2026-07-01', false],
			['2020-01-01', false],
			['2016-01-01', false],
			['2014-06-01', true],
		]);
		expect(describeImport(imports[0]!)).toBe(
			'30 filings added, 30 revised, 0 no longer listed, and 0 moved to the archive with nothing else changed.',
		);
		expect(describeImport(imports[3]!)).toMatch(/^The casebook's first import: 2 filings/);
	});

	it('shares the feed between revisions and new filings, so that neither crowds out the other', () => {
		const picked = feedChanges(imports, 20);
		expect(picked).toHaveLength(20);
		expect(picked.filter((c) => c.kind === 'revised')).toHaveLength(10);
		expect(picked.filter((c) => c.kind === 'added')).toHaveLength(10);
		// Largest first within each kind.
		expect(picked[0]!.filing.record.id).toBe('rev-29');
		expect(picked[10]!.filing.record.id).toBe('new-29');
		// Room one kind leaves goes to the other, then to older imports.
		const all = feedChanges(imports, 100);
		expect(all.map((c) => c.snapshot)).toEqual([
			...Array(60).fill('2026-07-01'),
			...Array(30).fill('2020-01-01'),
			'2016-01-01',
		]);
	});
});

describe('the register’s feeds', () => {
	it('the main feed covers every import, and carries new filings as well as revisions', () => {
		const items = registerFeedItems(imports, site);
		const perImport = items.filter((i) => i.link.includes('/register/changes/'));
		expect(perImport.map((i) => i.link)).toEqual(
			imports.map((i) => `https://casebook.example/casebook/register/changes/${i.snapshot}/`),
		);
		expect(items.some((i) => /: added: /.test(i.title))).toBe(true);
		expect(items.some((i) => /individuals affected 600 → /.test(i.title))).toBe(true);
		expect(new Set(items.map((i) => i.id ?? i.link)).size).toBe(items.length);
		const dates = items.map((i) => i.updated.getTime());
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
	});

	it('a state’s or an organization’s feed holds its filings’ additions and revisions, newest first, the first import included', () => {
		const oh = model.filings.filter((f) => f.record.state === 'OH');
		const items = filingsFeedItems(imports, oh, site);
		expect(items).toHaveLength(Math.min(FILINGS_FEED_LIMIT, 30 + 30 + 2));
		expect(items.every((i) => /Org (rev|base)/.test(i.title))).toBe(true);
		const dates = items.map((i) => i.updated.getTime());
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		const base = filingsFeedItems(imports, [model.byId.get('base-oh')!], site);
		expect(base.map((i) => i.title)).toEqual([
			'Org base-oh: individuals affected 500 → 9,000 (the first figure was a placeholder)',
			'Org base-oh: in the first import: 500 individuals, filed 2014-06-01',
		]);
		expect(changesOf(imports, [], 10)).toEqual([]);
	});

	it('is offered for an organization with a case study or at least two filings', () => {
		const org = (filings: number, caseStudies: number) =>
			({ filings: Array(filings), caseStudies: Array(caseStudies) }) as never;
		expect([org(1, 0), org(2, 0), org(0, 1)].map(hasOrganizationFeed)).toEqual([false, true, true]);
	});

	it('serialises as Atom that a feed reader reads, with base-aware absolute links', () => {
		const items = filingsFeedItems(imports, model.filings, site);
		const xml = atomFeed(
			{
				title: 'Ohio',
				description: 'Filings in Ohio',
				path: 'register/browse/state/oh/',
				feedPath: 'register/browse/state/oh/feed.xml',
				copyright: 'public data',
				author: { name: 'Breach Casebook', path: '' },
			},
			items,
			site,
		);
		const feed = parseFeed(xml);
		expect(feed.title).toBe('Ohio');
		expect(feed.url).toBe('https://casebook.example/casebook/register/browse/state/oh/');
		expect(feed.authors.map((a) => a.name)).toEqual(['Breach Casebook']);
		expect(feed.items).toHaveLength(items.length);
		for (const item of feed.items) {
			expect(item.url).toMatch(/^https:\/\/casebook\.example\/casebook\/register\//);
			expect(item.updated).toBeInstanceOf(Date);
		}
	});

	it('names whose filings a feed follows, and dates one with no entries by the newest export', () => {
		const about = { title: 'HHS breach register, Ohio', whose: 'entities in Ohio', path: 'register/browse/state/oh/' };
		const oh = parseFeed(
			filingsFeed(
				about,
				model.filings.filter((f) => f.record.state === 'OH'),
				model,
				site,
			),
		);
		expect(oh.title).toBe(`${SITE_TITLE}: HHS breach register, Ohio`);
		expect(oh.description).toBe(
			'New filings and revised figures of entities in Ohio, as each import of the HHS breach portal found them.',
		);
		expect(oh.items.length).toBeGreaterThan(0);
		const none = parseFeed(filingsFeed(about, [], model, site));
		expect(none.items).toHaveLength(0);
		expect(none.updated?.toISOString()).toBe('2026-07-01T00:00:00.000Z');
	});
});
