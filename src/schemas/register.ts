/**
 * The model of one filing in the HHS Office for Civil Rights breach register, as the casebook keeps
 * it: the portal's nine columns (less its prose), a stable id, and the history of every figure the
 * portal has overwritten since the casebook first imported it.
 *
 * `npm run import:hhs` writes `content/register/filings.json` in this shape; Astro loads it as the
 * `register` collection through this schema; the content check reads it to link case studies.
 */
import { z } from 'astro/zod';
import { breachTypes, locations, organizationTypes, registerStatuses, usStates } from '../vocabularies.ts';
import { registerIdSchema, termSchema } from './incident.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date, YYYY-MM-DD' });
const stateCode = z.enum(Object.keys(usStates) as [keyof typeof usStates, ...(keyof typeof usStates)[]]);

/** The figures of a filing that the portal may revise, as one export showed them. */
const figures = {
	/** The entity's name as the export spelled it, cleaned of stray spaces and repaired where mangled. */
	name: z.string().min(1),
	/** Covered-entity type; null where the export left it blank. */
	entityType: termSchema(organizationTypes).nullable(),
	/** Individuals affected; null where the export left it blank. */
	individualsAffected: z.number().int().nonnegative().nullable(),
	/** Type(s) of breach, in the portal's order; empty where it left them blank. */
	breachType: z.array(termSchema(breachTypes)),
	/** Location(s) of the breached information, in the portal's order. */
	location: z.array(termSchema(locations)),
	/** Whether a business associate was present. */
	businessAssociatePresent: z.boolean(),
	/** The list the filing was exported from. */
	status: termSchema(registerStatuses),
};

export const REGISTER_FIGURES = Object.keys(figures) as (keyof typeof figures)[];

/**
 * One import at which something about the filing changed. The first observation holds every
 * figure; later ones hold only what changed. `absent: true` says the filing was missing from that
 * import's export; the next observation that holds figures says it came back.
 */
export const registerObservationSchema = z
	.object({
		/** The date of the snapshot, YYYY-MM-DD. */
		snapshot: isoDay,
		absent: z.literal(true).optional(),
		...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v.optional()])),
	})
	.strict() as z.ZodType<RegisterObservation>;

/** One observation in a filing's history. */
export type RegisterObservation = { snapshot: string; absent?: true } & Partial<RegisterFigures>;
/** The revisable figures of a filing. */
export type RegisterFigures = { [K in keyof typeof figures]: z.output<(typeof figures)[K]> };

/** A filing's record without the check that its figures are where its history ends (JSON Schema cannot state that check). */
export const registerRecordObjectSchema = z
	.object({
		/** Stable id, readable in a URL; never changes once given. */
		id: registerIdSchema,
		...figures,
		/** Two-letter state or territory; null where the export left it blank. */
		state: stateCode.nullable(),
		/** Breach submission date, YYYY-MM-DD: when the entity filed with OCR. */
		submitted: isoDay,
		/** The first and the last snapshot whose export listed the filing. */
		firstSeen: isoDay,
		lastSeen: isoDay,
		/** Every change since the first import, oldest first. */
		history: z.array(registerObservationSchema).min(1),
	})
	.strict();

export const registerRecordSchema = registerRecordObjectSchema.superRefine((record, ctx) => {
	const folded = foldHistory(record.history);
	for (const key of REGISTER_FIGURES) {
		if (JSON.stringify(folded[key]) !== JSON.stringify(record[key])) {
			ctx.addIssue({
				code: 'custom',
				path: [key],
				message: `is ${JSON.stringify(record[key])}, but the history ends at ${JSON.stringify(folded[key])}`,
			});
		}
	}
});

/** One filing in the register, validated. */
export type RegisterRecord = z.output<typeof registerRecordSchema>;

/** The figures a history adds up to: each observation overrides what it holds. */
export function foldHistory(history: readonly RegisterObservation[]): Partial<RegisterFigures> {
	const current: Partial<RegisterFigures> = {};
	for (const observation of history) {
		for (const key of REGISTER_FIGURES) {
			if (observation[key] !== undefined) (current as Record<string, unknown>)[key] = observation[key];
		}
	}
	return current;
}

/** One import of a snapshot, as `content/register/imports.json` lists it. */
export const registerImportSchema = z
	.object({
		snapshot: isoDay,
		files: z.array(z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), rows: z.number().int() })),
		added: z.number().int(),
		changed: z.number().int(),
		archived: z.number().int(),
		absent: z.number().int(),
	})
	.strict();

/** One import, validated. */
export type RegisterImport = z.output<typeof registerImportSchema>;
