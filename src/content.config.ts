import { defineCollection } from 'astro:content';
import { existsSync } from 'node:fs';
import { file, glob } from 'astro/loaders';
import { incidentSchema } from './schemas/incident.ts';
import { registerImportSchema, registerRecordSchema } from './schemas/register.ts';
import { organizationAliasSchema } from './schemas/organization.ts';
import { incidentsDir, organizationsFile, registerDir } from './tooling/content-dir.ts';
import { slugOf } from './schemas/slug.ts';

/**
 * One collection: every case study, one MDX file each. The file name is the permanent id.
 * The model itself lives in `schemas/incident.ts` so that the check script, the unit tests and
 * the JSON Schema generator use the very same definition as Astro.
 */
const incidents = defineCollection({
	loader: glob({
		pattern: '**/*.mdx',
		base: incidentsDir(),
		// The file name is the permanent id, wherever an editor files it below the folder.
		generateId: ({ entry }) => slugOf(entry),
		// MDX renders from its own module; keeping every raw body in the data store as well only
		// cost memory (2.73 GB → 2.22 GB peak at 3,000 synthetic case studies, docs/BENCHMARKS.md).
		retainBody: false,
	}),
	schema: incidentSchema,
});

/**
 * The HHS breach register: one entry per filing, written by `npm run import:hhs` as one JSON array.
 * A content folder without a register (a test fixture, a benchmark corpus) has an empty one.
 */
const registerFile = `${registerDir()}/filings.json`;
const register = defineCollection({
	loader: existsSync(registerFile) ? file(registerFile) : () => [],
	schema: registerRecordSchema,
});

/** The editors' alias list: organizations whose names the register spells in ways normalization cannot join. */
const aliasFile = organizationsFile();
const organizations = defineCollection({
	loader: existsSync(aliasFile) ? file(aliasFile) : () => [],
	schema: organizationAliasSchema,
});

/** What each import of the register read, and when each snapshot was exported (imports.json), keyed by snapshot. */
const importsFile = `${registerDir()}/imports.json`;
const registerImports = defineCollection({
	loader: existsSync(importsFile)
		? file(importsFile, {
				parser: (text) => Object.fromEntries((JSON.parse(text) as { snapshot: string }[]).map((i) => [i.snapshot, i])),
			})
		: () => [],
	schema: registerImportSchema,
});

export const collections = { incidents, register, registerImports, organizations };
