/**
 * The reference: the same records through a bare Astro site, one route per kind of record, and
 * Pagefind over its output through the Node API inside the same `astro build`, as our
 * integration does. Its files are in data/reference/: `incidents/[slug].astro` renders each MDX
 * entry with `render(entry)` in a minimal layout, with trivial components for the kit; for the real
 * site, `register/[id].astro` prints every field and the history of each record of filings.json,
 * read with Astro's `file()` loader. The project is copied to bench-out/reference/ (its
 * node_modules a symlink to the project's, with its own caches) with a content config that points
 * at the records.
 */
import { cpSync, existsSync, lstatSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const TEMPLATE = new URL('data/reference/', import.meta.url);

/**
 * Writes the reference project into `dir`: the write-ups from `incidentsDir` and, when given, the
 * register's filings.json as a second route.
 */
export function writeReferenceSite(dir: string, incidentsDir: string, projectRoot: string, filings?: string): void {
	// Cold like our build: no content cache, no previous output, no route of another mode.
	for (const stale of ['.cache', '.astro', 'dist', 'src']) rmSync(join(dir, stale), { recursive: true, force: true });
	cpSync(TEMPLATE, dir, { recursive: true, filter: (from) => filings !== undefined || !from.includes('register') });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-reference', private: true, type: 'module' }));
	const register = filings ? `register: defineCollection({ loader: file(${JSON.stringify(resolve(filings))}) }),` : '';
	writeFileSync(
		join(dir, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';

export const collections = {
	incidents: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(resolve(incidentsDir))} }) }),
	${register}
};
`,
	);
	const modules = join(dir, 'node_modules');
	if (!existsSync(modules) || !lstatSync(modules).isSymbolicLink()) {
		rmSync(modules, { recursive: true, force: true });
		symlinkSync(resolve(projectRoot, 'node_modules'), modules, 'dir');
	}
}
