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
/**
 * A snapshot's id: the name of its folder under exports/hhs-ocr/, the latest submission date in it
 * (or the day of the export, where known), with `-b`, `-c`… for a second export of that date.
 */
export const snapshotIdSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}(-[a-z])?$/, { error: 'must be a snapshot, YYYY-MM-DD or YYYY-MM-DD-b' });
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
	/**
	 * The list the filing was last seen on, or `no-longer-listed` once a complete export lacks it;
	 * null while every export that listed it held one list of everything, which does not say.
	 */
	status: termSchema(registerStatuses).nullable(),
};

export const REGISTER_FIGURES = Object.keys(figures) as (keyof typeof figures)[];

/**
 * One import at which something about the filing changed. The first observation holds every
 * figure; later ones hold only what changed. `absent: true` says the filing was missing from that
 * import's export; the next observation that holds figures says it came back.
 */
export const registerObservationSchema = z
	.object({
		/** The snapshot (its export date or bounds are in imports.json). */
		snapshot: snapshotIdSchema,
		absent: z.literal(true).optional(),
		...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v.optional()])),
	})
	.strict() as z.ZodType<RegisterObservation>;

/** One observation in a filing's history. */
export type RegisterObservation = { snapshot: string; absent?: true } & Partial<RegisterFigures>;
/** The revisable figures of a filing. */
export type RegisterFigures = { [K in keyof typeof figures]: z.output<(typeof figures)[K]> };

/** A party to a filing that an export named, and the snapshot that named it. */
const partySchema = z.object({ name: z.string().min(1), snapshot: snapshotIdSchema }).strict();

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
		firstSeen: snapshotIdSchema,
		lastSeen: snapshotIdSchema,
		/** The covered entity, where an export named it apart from the filer (the old portal's list of 2014), with that snapshot. */
		coveredEntity: partySchema.optional(),
		/** The business associate involved, by name, where an export named it (the old portal's list of 2014), with that snapshot. */
		businessAssociate: partySchema.optional(),
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

/** One file of a snapshot, as imported. */
const importFileSchema = z
	.object({
		name: z.string(),
		/** The list it holds; absent where a refused file's list could not be told. */
		list: z.enum(['under-investigation', 'archive', 'single', 'old-format']).optional(),
		/** The reader that read it (src/lib/register/export-formats.ts); absent where it was refused. */
		format: z.string().optional(),
		sha256: z.string().regex(/^[0-9a-f]{64}$/),
		/** Rows read; for the old portal's list, rows matched to a filing are counted in `matched`. */
		rows: z.number().int(),
		/** Why no reader accepts it; its rows are not imported. */
		refused: z.string().optional(),
	})
	.strict();

/**
 * When an export was made: on or after `from` (the latest submission date in it) and on or before
 * `to` (when it was published); the same day twice where the day is known.
 */
export const exportDateSchema = z.object({ from: isoDay, to: isoDay }).strict();

/** When an export was made, as known. */
export type ExportDate = z.output<typeof exportDateSchema>;

/** One import of a snapshot, as `content/register/imports.json` lists it. */
export const registerImportSchema = z
	.object({
		snapshot: snapshotIdSchema,
		exported: exportDateSchema,
		/** Both lists, or one holding everything: only a complete snapshot can find a filing missing. */
		complete: z.boolean(),
		files: z.array(importFileSchema),
		added: z.number().int(),
		changed: z.number().int(),
		archived: z.number().int(),
		absent: z.number().int(),
		/** The old portal's list: rows matched with confidence to a filing, and rows left unmatched. */
		matched: z.number().int().optional(),
		unmatched: z.number().int().optional(),
	})
	.strict();

/** One import, validated. */
export type RegisterImport = z.output<typeof registerImportSchema>;
