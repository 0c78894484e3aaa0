import { describe, expect, it } from 'vitest';
import { makeIncident } from '../../../tests/fixtures/model.ts';
import {
	incidentShareCard,
	SHARE_IMAGE_SIZE,
	shareCardAlt,
	shareCardSource,
	shareCardTree,
	siteShareCard,
	type ShareNode,
} from './share-card.ts';

const text = (node: ShareNode): string[] =>
	typeof node.props.children === 'string'
		? [node.props.children]
		: (node.props.children ?? []).flatMap((child) => text(child));

describe('share cards', () => {
	it('show the organization, the title, the count affected and the year of disclosure', () => {
		const card = incidentShareCard(shareCardSource(makeIncident('example-health-2023')));
		expect(card).toEqual({
			kicker: 'Example Health',
			title: 'Example Health: a migration exposed names and emails',
			facts: ['1,200 people affected', 'Disclosed 2023'],
		});
		expect(text(shareCardTree(card))).toEqual(['Breach Casebook', 'Example Health', card.title, ...card.facts]);
		expect(shareCardAlt(card)).toBe(
			'Breach Casebook. Example Health. Example Health: a migration exposed names and emails. 1,200 people affected. Disclosed 2023.',
		);
	});

	it('say so when the count or the date is unknown', () => {
		const incident = makeIncident('unknowns', (fm) => {
			fm.individualsAffected = { count: null };
			fm.dates = {};
		});
		expect(incidentShareCard(shareCardSource(incident)).facts).toEqual([
			'Number affected unknown',
			'Disclosure date unknown',
		]);
	});

	it('are drawn at Open Graph’s large size, the site’s own card without a kicker', () => {
		const tree = shareCardTree(siteShareCard());
		expect(tree.props.style).toMatchObject({ width: 1200, height: 630 });
		expect(SHARE_IMAGE_SIZE).toEqual({ width: 1200, height: 630 });
		expect(text(tree).filter((t) => t === 'Breach Casebook')).toHaveLength(1);
	});
});
