import { describe, expect, it } from 'vitest';
import { makeRegisterRecord } from '../../../tests/fixtures/model.ts';
import type { RegisterRecord } from '../../schemas/register.ts';
import { changesByImport, CHANGES_FEED_LIMIT, describeChange, feedChanges } from './changes.ts';
import { buildRegisterModel } from './model.ts';

/** A record first seen on `first`, then changed by each later observation. */
function record(id: string, first: string, ...later: RegisterRecord['history']): RegisterRecord {
	const base = makeRegisterRecord(id, `Clinic ${id}`, '2024-01-15');
	return {
		...base,
		firstSeen: first,
		lastSeen: later.at(-1)?.snapshot ?? first,
		history: [{ ...base.history[0]!, snapshot: first }, ...later],
	};
}

const filingsOf = (records: RegisterRecord[]) => buildRegisterModel(records, []).filings;

describe('changesByImport', () => {
	const filings = filingsOf([
		// In the first import, then revised from a placeholder, and archived.
		record('a-oh-2024-01-15', '2024-10-08', { snapshot: '2025-01-01', individualsAffected: 192_700_000 }),
		record('b-oh-2024-01-15', '2024-10-08', { snapshot: '2025-01-01', status: 'archived' }),
		// Added by the second import, missing from the third, back in the fourth.
		record(
			'c-oh-2024-01-15',
			'2025-01-01',
			{ snapshot: '2025-04-01', absent: true },
			{ snapshot: '2025-07-01', location: ['email'] },
		),
	]);
	const imports = changesByImport(filings);

	it('lists imports newest first, the first one as the baseline, whose filings are marked as such', () => {
		expect(imports.map((i) => [i.snapshot, i.baseline])).toEqual([
			['2025-07-01', false],
			['2025-04-01', false],
			['2025-01-01', false],
			['2024-10-08', true],
		]);
		const baseline = imports.at(-1)!.changes;
		expect(baseline.length).toBeGreaterThan(0);
		expect(baseline.every((c) => c.kind === 'added' && c.baseline)).toBe(true);
	});

	it('puts count revisions first, then additions, and counts a move to the archive apart', () => {
		const second = imports.find((i) => i.snapshot === '2025-01-01')!;
		expect(second.changes.map((c) => [c.filing.record.id, c.kind])).toEqual([
			['a-oh-2024-01-15', 'revised'],
			['c-oh-2024-01-15', 'added'],
		]);
		expect(second.archived).toBe(1);
	});

	it('says what changed in one line', () => {
		const [revised, added] = imports.find((i) => i.snapshot === '2025-01-01')!.changes;
		expect(describeChange(revised!)).toBe('individuals affected 600 → 192,700,000');
		expect(describeChange(added!)).toBe('added: 600 individuals, filed 2024-01-15');
		expect(describeChange(imports.find((i) => i.snapshot === '2025-04-01')!.changes[0]!)).toBe(
			'missing from this export',
		);
		expect(describeChange(imports[0]!.changes[0]!)).toBe('listed again; location changed');
	});

	it('names a placeholder that a revision replaced', () => {
		const placeholder = record('d-oh-2024-01-15', '2024-10-08', { snapshot: '2025-01-01', individualsAffected: 9_000 });
		placeholder.history[0] = { ...placeholder.history[0]!, individualsAffected: 501 };
		const [change] = changesByImport(filingsOf([placeholder]))[0]!.changes;
		expect(describeChange(change!)).toBe('individuals affected 501 → 9,000 (the first figure was a placeholder)');
	});
});

describe('feedChanges', () => {
	it('leaves out the baseline and keeps at most CHANGES_FEED_LIMIT changes', () => {
		const records = Array.from({ length: CHANGES_FEED_LIMIT + 5 }, (_, i) =>
			record(`n${i}-oh-2024-01-15`, '2025-01-01'),
		);
		const filings = filingsOf([record('a-oh-2024-01-15', '2024-10-08'), ...records]);
		const changes = feedChanges(changesByImport(filings));
		expect(changes).toHaveLength(CHANGES_FEED_LIMIT);
		expect(changes.every((c) => c.kind === 'added')).toBe(true);
	});
});
