// The bare reference site of the benchmark (scripts/bench/reference.ts copies it to bench-out/reference/).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { buildMark, buildMarksIntegration } from '../../src/integrations/build-marks.ts';

const pagefindIntegration = {
	name: 'reference:pagefind',
	hooks: {
		'astro:build:done': async ({ dir }) => {
			const outDir = fileURLToPath(dir);
			const started = performance.now();
			const must = (r) => {
				if (r.errors.length) throw new Error(r.errors.join('; '));
				return r;
			};
			try {
				const { index } = must(await pagefind.createIndex({ rootSelector: 'html' }));
				const added = must(await index.addDirectory({ path: outDir }));
				must(await index.writeFiles({ outputPath: outDir + '/pagefind' }));
				buildMark('indexed', { pages: added.page_count, ms: Math.round(performance.now() - started) });
			} finally {
				await pagefind.close();
			}
		},
	},
};

export default defineConfig({
	// Own caches: node_modules is a symlink to the project's, whose caches must stay untouched.
	cacheDir: './.cache/astro',
	vite: { cacheDir: './.cache/vite' },
	build: { format: 'directory' },
	integrations: [mdx(), pagefindIntegration, buildMarksIntegration()],
});
