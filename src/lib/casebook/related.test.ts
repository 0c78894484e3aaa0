import { describe, expect, it } from 'vitest';
import { makeIncident } from '../../../tests/fixtures/model.ts';
import { relatedIndex } from './related.ts';

const tracking = (slug: string, recipients: string[] = []) =>
	makeIncident(slug, (fm) => {
		fm.vector = ['tracking-technology'];
		fm.recipients = recipients;
		fm.lessons = ['third-party-script-governance'];
		fm.dataClasses = ['browsing-activity'];
	});

describe('related case studies', () => {
	const k = tracking('kaiser', ['Google', 'X']);
	const n = tracking('novant', ['Meta']);
	const g = tracking('goodrx', ['Google']);
	const theft = makeIncident('laptop', (fm) => {
		fm.vector = ['stolen-device'];
		fm.lessons = ['encryption'];
		fm.dataClasses = ['medical-clinical'];
	});
	const edited = makeIncident('edited', (fm) => (fm.related = ['laptop']));
	const related = relatedIndex([k, n, g, theft, edited]);

	it('ranks shared vector and recipients first, with a reason', () => {
		const list = related(k);
		expect(list.map((r) => r.incident.slug)).toEqual(['goodrx', 'novant']);
		expect(list[0]!.reason).toBe('also a tracking technology case');
	});

	it('puts the editor’s choices first', () => {
		expect(related(edited)[0]).toMatchObject({
			incident: { slug: 'laptop' },
			editorial: true,
			reason: 'chosen by the editors',
		});
	});

	it('leaves out unrelated case studies and the case itself', () => {
		expect(related(theft).map((r) => r.incident.slug)).not.toContain('laptop');
		expect(related(k).map((r) => r.incident.slug)).not.toContain('laptop');
	});

	it('does not relate case studies for sharing unknown data classes', () => {
		const unknown = (slug: string) =>
			makeIncident(slug, (fm) => {
				fm.vector = ['unknown'];
				fm.lessons = [];
				fm.dataClasses = ['unknown'];
			});
		const a = unknown('a');
		const b = unknown('b');
		expect(relatedIndex([a, b])(a)).toEqual([]);
	});

	it('is deterministic', () => {
		expect(related(n)).toEqual(relatedIndex([g, theft, k, edited, n])(n));
	});

	it('returns at most four by similarity', () => {
		const many = Array.from({ length: 8 }, (_, i) => tracking(`t${i}`));
		expect(relatedIndex(many)(many[0]!)).toHaveLength(4);
	});

	it('prefers the nearest in time among equally similar case studies, in a large casebook too', () => {
		// 1,000 identical tracking cases, disclosed one day apart: far more than are scored per value.
		const day = (d: number) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10);
		const many = Array.from({ length: 1000 }, (_, d) =>
			makeIncident(`t${String(d).padStart(4, '0')}`, (fm) => {
				fm.vector = ['tracking-technology'];
				fm.dates = { reportedToRegulator: { date: day(d), source: 'regulator' } };
			}),
		);
		const related = relatedIndex(many);
		expect(related(many[500]!).map((r) => r.incident.slug)).toEqual(['t0501', 't0499', 't0502', 't0498']);
		expect(related(many[0]!).map((r) => r.incident.slug)).toEqual(['t0001', 't0002', 't0003', 't0004']);
	});
});
