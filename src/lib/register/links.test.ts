import { describe, expect, it } from 'vitest';
import { checkRegisterLinks, registerLinkView, type LinkedFile } from './links.ts';
import { buildRegisterModel } from './model.ts';
import { incidentSchema, type IncidentData } from '../../schemas/incident.ts';
import type { RegisterRecord } from '../../schemas/register.ts';
import { validFrontmatter } from '../../../tests/fixtures/model.ts';

/** A filing first seen with `first` people and revised to `now` at the 2026-07-01 snapshot. */
function filing(id: string, first: number, now = first): RegisterRecord {
	const figures = {
		name: 'Example Health',
		entityType: 'healthcare-provider' as const,
		breachType: ['hacking-it-incident' as const],
		location: ['network-server' as const],
		businessAssociatePresent: false,
		status: 'archived' as const,
	};
	return {
		id,
		...figures,
		individualsAffected: now,
		state: 'OR',
		submitted: '2024-03-10',
		firstSeen: '2024-10-08',
		lastSeen: '2026-07-01',
		history: [
			{ snapshot: '2024-10-08', ...figures, individualsAffected: first },
			...(now === first ? [] : [{ snapshot: '2026-07-01', individualsAffected: now }]),
		],
	};
}

function caseStudy(change: (fm: Record<string, any>) => void): LinkedFile {
	const fm = validFrontmatter();
	change(fm);
	return {
		file: 'content/incidents/example-2024.mdx',
		data: incidentSchema.parse(fm) as IncidentData,
		keyLines: new Map([['register', 14]]),
	};
}

const register = new Map(
	[filing('example-health-or-2024-03-10', 500, 1200), filing('example-health-or-2024-03-11', 300)].map((r) => [
		r.id,
		r,
	]),
);
const check = (f: LinkedFile) => checkRegisterLinks([f], register, '2026-07-01');

describe('case studies against the register', () => {
	it('accepts a case study whose count is the register’s current figure', () => {
		const f = caseStudy((fm) => {
			fm.register = { filings: ['example-health-or-2024-03-10'] };
			fm.added = '2026-07-01';
		});
		expect(check(f)).toEqual([]);
	});

	it('rejects an id that is not in the register, with a did-you-mean', () => {
		const f = caseStudy((fm) => (fm.register = { filings: ['example-health-or-2024-03-01'] }));
		expect(check(f)).toEqual([
			expect.objectContaining({
				kind: 'error',
				line: 14,
				field: 'register.filings[0]',
				message: expect.stringMatching(
					/unknown register record "example-health-or-2024-03-01"; did you mean "example-health-or-2024-03-10"\?/,
				),
			}),
		]);
	});

	it('reports a count that differs from the register, with both figures and the snapshot', () => {
		const f = caseStudy((fm) => {
			fm.register = { filings: ['example-health-or-2024-03-10', 'example-health-or-2024-03-11'] };
			fm.added = '2026-07-01';
		});
		expect(check(f)).toEqual([
			expect.objectContaining({
				kind: 'drift',
				field: 'individualsAffected.count',
				message: expect.stringContaining(
					"1,200 differs from the register's 1,500 (example-health-or-2024-03-10 + example-health-or-2024-03-11 as of 2026-07-01)",
				),
			}),
		]);
	});

	it('accepts a recorded reason until the register is revised again', () => {
		const reasoned = (registerCount: number) =>
			caseStudy((fm) => {
				fm.individualsAffected.count = 1000;
				fm.added = '2026-07-01';
				fm.register = {
					filings: ['example-health-or-2024-03-10'],
					countDiffers: { registerCount, reason: 'The settlement gives 1,000.', source: 'regulator' },
				};
			});
		expect(check(reasoned(1200))).toEqual([]);
		expect(check(reasoned(500))).toEqual([
			expect.objectContaining({
				kind: 'drift',
				field: 'register.countDiffers.registerCount',
				message: expect.stringContaining('explains a register figure of 500, but the register now shows 1,200'),
			}),
		]);
	});

	it('reports a filing revised after the case study was last updated', () => {
		const f = caseStudy((fm) => {
			fm.register = { filings: ['example-health-or-2024-03-10'] };
			fm.added = '2025-01-01';
		});
		expect(check(f).map((p) => [p.kind, p.field, p.message])).toEqual([
			[
				'drift',
				'updated',
				expect.stringContaining(
					'revised "example-health-or-2024-03-10" on 2026-07-01, after this case study was last updated (2025-01-01)',
				),
			],
		]);
	});

	it('counts a breach listed twice once: a filing the portal no longer lists needs a note, and is left out of the total', () => {
		const renamed: RegisterRecord = {
			...filing('example-health-system-or-2024-02-01', 1200),
			status: 'no-longer-listed',
			lastSeen: '2025-01-01',
			history: [
				{ ...filing('x', 1200).history[0]!, snapshot: '2024-10-08' },
				{ snapshot: '2026-07-01', absent: true, status: 'no-longer-listed' },
			],
		};
		const withRenamed = new Map([...register, [renamed.id, renamed]]);
		const link = (note?: string) =>
			caseStudy((fm) => {
				fm.register = { filings: ['example-health-or-2024-03-10', renamed.id], ...(note ? { note } : {}) };
				fm.added = '2026-07-01';
			});
		expect(checkRegisterLinks([link()], withRenamed, '2026-07-01')).toEqual([
			expect.objectContaining({
				kind: 'drift',
				field: 'register.filings',
				message: expect.stringMatching(
					/"example-health-system-or-2024-02-01" is missing from the latest export \(2026-07-01\); it was last seen on 2025-01-01 \(expected .*register\.note/,
				),
			}),
		]);
		expect(checkRegisterLinks([link('Listed earlier under the system’s name.')], withRenamed, '2026-07-01')).toEqual(
			[],
		);
	});

	it('gives the case page the filings, their revisions and whether the counts differ', () => {
		const f = caseStudy((fm) => (fm.register = { filings: ['example-health-or-2024-03-10'] }));
		const view = registerLinkView(f.data!, buildRegisterModel([...register.values()], []).byId);
		expect(view.total).toBe(1200);
		expect(view.differs).toBe(false);
		expect(view.filings[0]!.revisions).toEqual([
			expect.objectContaining({ snapshot: '2026-07-01', from: 500, to: 1200, placeholder: true }),
		]);
		const none = caseStudy((fm) => (fm.register = { none: 'ftc-matter', note: 'An FTC case.' }));
		expect(registerLinkView(none.data!, buildRegisterModel([...register.values()], []).byId)).toEqual({
			filings: [],
			total: null,
			differs: false,
		});
	});
});
