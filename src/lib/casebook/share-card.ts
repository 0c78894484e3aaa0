/**
 * The share image of a case study (`og:image`, `twitter:image`): what it says, and its layout as
 * the element tree satori draws. Rendering it to PNG is the build's job
 * (src/integrations/share-images.ts); this module only decides the content and the look.
 */
import { formatCount, PERSON } from '../format.ts';
import type { Incident } from './model.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../site-name.ts';

/** Open Graph's recommended size, the large card of every platform. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** What a share image says. */
export interface ShareCard {
	/** The line above the title: the organization, or the casebook's name on the site's own card. */
	kicker: string;
	title: string;
	/** Short facts along the bottom, such as the count affected and the year. */
	facts: string[];
}

/** The facts of a case study a share image needs, as in `api/incidents.json`. */
export interface ShareCardSource {
	facts: { title: string; organization: { name: string }; individualsAffected: { count: number | null } };
	derived: { disclosed: string | null };
}

/** The card of one case study: the organization, the title, the count affected and the year it became public. */
export function incidentShareCard({ facts, derived }: ShareCardSource): ShareCard {
	const count = facts.individualsAffected.count;
	return {
		kicker: facts.organization.name,
		title: facts.title,
		facts: [
			count === null ? 'Number affected unknown' : `${formatCount(count, PERSON)} affected`,
			derived.disclosed ? `Disclosed ${derived.disclosed.slice(0, 4)}` : 'Disclosure date unknown',
		],
	};
}

/** What `incidentShareCard` needs, from a case study of the model. */
export function shareCardSource(incident: Incident): ShareCardSource {
	return { facts: incident.data, derived: { disclosed: incident.disclosed?.value ?? null } };
}

/** The image's text alternative (`og:image:alt`): everything the card says. */
export function shareCardAlt(card: ShareCard): string {
	const kicker = card.kicker === SITE_TITLE ? '' : ` ${card.kicker}.`;
	return `${SITE_TITLE}.${kicker} ${card.title}. ${card.facts.join('. ')}.`;
}

/** The card of the site as a whole, for every page that is not a case study. */
export function siteShareCard(): ShareCard {
	return { kicker: SITE_TITLE, title: SITE_DESCRIPTION.split(':')[0]!, facts: ['Every fact with its source'] };
}

/** One element of satori's tree (the shape of a React element, without React). */
export interface ShareNode {
	type: 'div';
	props: { style: Record<string, string | number>; children?: string | ShareNode[] };
}

const div = (style: ShareNode['props']['style'], children?: string | ShareNode[]): ShareNode => ({
	type: 'div',
	props: { style, children },
});

// The site's light palette (src/styles/global.css).
const COLORS = { bg: '#fdfdfc', fg: '#1c1f1d', muted: '#4f544c', accent: '#9a3412', border: '#c9cdc5' };

/** The layout of a card: the casebook's name and the kicker, the title large, the facts in a row below. */
export function shareCardTree(card: ShareCard): ShareNode {
	// Long titles step down so that up to 110 characters fit on four lines.
	const titleSize = card.title.length > 90 ? 50 : card.title.length > 60 ? 58 : 66;
	return div(
		{
			width: SHARE_IMAGE_SIZE.width,
			height: SHARE_IMAGE_SIZE.height,
			display: 'flex',
			backgroundColor: COLORS.bg,
			color: COLORS.fg,
			fontFamily: 'Inter',
		},
		[
			div({ width: 24, height: '100%', backgroundColor: COLORS.accent }),
			div(
				{
					display: 'flex',
					flexDirection: 'column',
					justifyContent: 'space-between',
					width: SHARE_IMAGE_SIZE.width - 24,
					padding: '56px 72px 56px 64px',
				},
				[
					div({ display: 'flex', flexDirection: 'column' }, [
						div({ fontSize: 30, fontWeight: 700, color: COLORS.accent }, SITE_TITLE),
						...(card.kicker === SITE_TITLE
							? []
							: [div({ fontSize: 34, color: COLORS.muted, marginTop: 12 }, card.kicker)]),
					]),
					div({ fontSize: titleSize, fontWeight: 700, lineHeight: 1.15, display: 'flex' }, card.title),
					div(
						{
							display: 'flex',
							gap: 48,
							fontSize: 32,
							color: COLORS.muted,
							borderTop: `2px solid ${COLORS.border}`,
							paddingTop: 24,
						},
						card.facts.map((fact) => div({}, fact)),
					),
				],
			),
		],
	);
}
