import { describe, expect, it } from 'vitest';
import { makeIncident, makeRegisterRecord } from '../../../tests/fixtures/model.ts';
import type { RegisterRecord } from '../../schemas/register.ts';
import { buildRegisterModel } from './model.ts';
import {
	NAMED_FILINGS,
	registerSampleProblem,
	registerSampleRequested,
	SAMPLE_STRIDE,
	sampleRegisterIds,
} from './sample.ts';

/** 200 ordinary filings in Ohio, a day apart, and the filings each rule of the sample keeps. */
const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const ordinary = Array.from({ length: 200 }, (_, n) =>
	makeRegisterRecord(`clinic-${n}-oh-${day(n)}`, `Clinic ${n}`, day(n)),
);
const wyoming = makeRegisterRecord('lone-clinic-wy-2019-05-01', 'Lone Clinic', '2019-05-01', { state: 'WY' });
const cited = makeRegisterRecord('acme-health-oh-2018-02-01', 'Acme Health', '2018-02-01');
const sibling = makeRegisterRecord('acme-health-oh-2016-03-01', 'Acme Health', '2016-03-01');
const placeholder = makeRegisterRecord('waiting-clinic-oh-2015-01-01', 'Waiting Clinic', '2015-01-01', {
	individualsAffected: 500,
});
const revised: RegisterRecord = {
	...makeRegisterRecord('revised-clinic-oh-2017-01-01', 'Revised Clinic', '2017-01-01'),
	history: [
		makeRegisterRecord('x', 'Revised Clinic', '2017-01-01').history[0]!,
		{ snapshot: '2025-06-13', individualsAffected: 9_000_000 },
	],
};
const named = makeRegisterRecord(NAMED_FILINGS[0]!, 'Named Clinic', '2010-07-19', { state: 'PA' });
const records = [...ordinary, wyoming, cited, sibling, placeholder, revised, named];
const incident = makeIncident('acme-health-2018', (fm) => {
	fm.organization.name = 'Acme Health';
	fm.register = { filings: [cited.id] };
});
const model = buildRegisterModel(records, [incident]);
const kept = sampleRegisterIds(model);

describe('sampleRegisterIds', () => {
	it('keeps the filings a case study names, and every filing of its organization', () => {
		expect(kept).toContain(cited.id);
		expect(kept).toContain(sibling.id);
	});

	it('keeps the filings the end-to-end tests name, a filing of every facet value, every import’s largest revision and the placeholders', () => {
		expect(kept).toContain(named.id);
		expect(kept).toContain(wyoming.id);
		expect(kept).toContain(revised.id);
		expect(kept).toContain(placeholder.id);
	});

	it('keeps one ordinary filing in SAMPLE_STRIDE, and leaves the rest out', () => {
		const ordinaryKept = ordinary.filter((r) => kept.has(r.id)).length;
		expect(ordinaryKept).toBeGreaterThanOrEqual(200 / SAMPLE_STRIDE);
		expect(ordinaryKept).toBeLessThan(200 / 2);
	});

	it('is the same sample every time', () => {
		expect([...sampleRegisterIds(buildRegisterModel([...records].reverse(), [incident]))].sort()).toEqual(
			[...kept].sort(),
		);
	});
});

describe('registerSampleProblem', () => {
	const env = { REGISTER_SAMPLE: '1' };
	it('is asked for by REGISTER_SAMPLE=1, true or yes, and by nothing else', () => {
		expect(['1', 'true', 'YES'].map((v) => registerSampleRequested({ REGISTER_SAMPLE: v }))).toEqual([
			true,
			true,
			true,
		]);
		expect(['', '0', 'false'].map((v) => registerSampleRequested({ REGISTER_SAMPLE: v }))).toEqual([
			false,
			false,
			false,
		]);
		expect(registerSampleRequested({})).toBe(false);
	});

	it('refuses a sample for deployment: with --production, or into dist/', () => {
		expect(registerSampleProblem(env, ['build', '--production'], '/repo/dist-subpath')).toMatch(/--production/);
		expect(registerSampleProblem(env, ['build'], '/repo/dist')).toMatch(/deployment uploads/);
		expect(registerSampleProblem(env, ['build'], '/repo/dist-subpath')).toBeUndefined();
		expect(registerSampleProblem({}, ['build', '--production'], '/repo/dist')).toBeUndefined();
	});
});
