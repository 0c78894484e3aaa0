/**
 * Writes `api/incidents/<slug>.json` for every case study at `astro:build:done`, as slices of the
 * already rendered `api/incidents.json`: the same objects, so the two cannot disagree.
 *
 * Rendering ten thousand small endpoints through Astro's page pipeline took about 10 s at 10,000
 * case studies (docs/BENCHMARKS.md); writing the slices takes well under one. In `astro dev` the
 * route `src/pages/api/incidents/[slug].json.ts` serves the same files.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonText } from '../lib/responses.ts';
import { API_INDEX_PATH, type ApiIndex } from '../lib/casebook/export.ts';

type ApiList = Pick<ApiIndex, 'schemaVersion' | 'generated'> & {
	incidents: Pick<ApiIndex['incidents'][number], 'slug'>[];
};

/** The body of `api/incidents/<slug>.json` for each entry of `api/incidents.json`. */
export function incidentFiles(list: ApiList): { slug: string; text: string }[] {
	return list.incidents.map((incident) => ({
		slug: incident.slug,
		text: jsonText({ schemaVersion: list.schemaVersion, generated: list.generated, incident }),
	}));
}

export function incidentJsonIntegration(): AstroIntegration {
	return {
		name: 'breach-casebook:incident-json',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const api = join(fileURLToPath(dir), 'api');
				const list = JSON.parse(readFileSync(join(fileURLToPath(dir), API_INDEX_PATH), 'utf8')) as ApiIndex;
				mkdirSync(join(api, 'incidents'), { recursive: true });
				const files = incidentFiles(list);
				for (const { slug, text } of files) writeFileSync(join(api, 'incidents', `${slug}.json`), text);
				logger.info(`Wrote ${files.length} files to api/incidents/`);
			},
		},
	};
}
