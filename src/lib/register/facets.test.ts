import { describe, expect, it } from 'vitest';
import { makeRegisterRecord } from '../../../tests/fixtures/model.ts';
import { groupByFacet } from '../group-by-facet.ts';
import { buildRegisterModel } from './model.ts';
import { register } from './dataset.ts';
import { facetOf } from '../dataset.ts';

const registerFacetByKey = (key: string) => facetOf(register, key);

const { filings } = buildRegisterModel(
	[
		makeRegisterRecord('a-oh-2019-03-01', 'A Clinic', '2019-03-01', { breachType: ['theft', 'loss'] }),
		makeRegisterRecord('b-oh-2021-05-01', 'B Hospital', '2021-05-01', { breachType: [], state: null }),
		makeRegisterRecord('c-ca-2021-06-01', 'C Plan', '2021-06-01', { breachType: ['hacking-it-incident'], state: 'CA' }),
		makeRegisterRecord('d-tx-2020-01-01', 'D Lab', '2020-01-01', { breachType: ['unknown'], state: 'TX' }),
	],
	[],
);
const slugs = (key: string) =>
	groupByFacet(filings, registerFacetByKey(key)).map((g) => [g.value.slug, g.items.map((f) => f.record.id)]);

describe('the register by facet', () => {
	it('lists the filings of each value in the register’s newest-first order, years newest first', () => {
		expect(slugs('year')).toEqual([
			['2021', ['c-ca-2021-06-01', 'b-oh-2021-05-01']],
			['2020', ['d-tx-2020-01-01']],
			['2019', ['a-oh-2019-03-01']],
		]);
	});

	it('counts a filing under each of its values, in the vocabulary’s order, and a blank field as “Not given”, last', () => {
		expect(slugs('breach-type')).toEqual([
			['hacking-it-incident', ['c-ca-2021-06-01']],
			['theft', ['a-oh-2019-03-01']],
			['loss', ['a-oh-2019-03-01']],
			['unknown', ['d-tx-2020-01-01']],
			['not-given', ['b-oh-2021-05-01']],
		]);
		const labels = groupByFacet(filings, registerFacetByKey('breach-type')).map((g) => g.value.label);
		// The portal's own "Unknown", which a filer chose, is a value apart from a blank field.
		expect(labels.slice(-2)).toEqual(['Unknown', 'Not given']);
	});

	it('orders states by name, with the filings that name none last', () => {
		expect(slugs('state')).toEqual([
			['ca', ['c-ca-2021-06-01']],
			['oh', ['a-oh-2019-03-01']],
			['tx', ['d-tx-2020-01-01']],
			['not-given', ['b-oh-2021-05-01']],
		]);
	});
});
