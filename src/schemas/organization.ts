/**
 * The editors' alias list, `content/organizations.yaml`: organizations whose filings and case
 * studies the register spells in ways that name normalization cannot join.
 */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from './slug.ts';

export const organizationAliasSchema = z
	.object({
		/** The organization page's slug, e.g. `kaiser-permanente`. */
		id: z.string().regex(SLUG_PATTERN, {
			error: 'must be a slug in lowercase letters, digits and hyphens, e.g. "kaiser-permanente"',
		}),
		/** The name readers see. */
		name: z.string().trim().min(1),
		/** Name beginnings that belong to this organization, compared on letters and digits. */
		match: z.array(z.string().trim().min(1)).min(1, { error: 'must list at least one name' }),
	})
	.strict();

/** One entry of the alias list. */
export type OrganizationAlias = z.output<typeof organizationAliasSchema>;
