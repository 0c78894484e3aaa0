/**
 * `npm run build`: validates every write-up, builds into a staging folder, and only then swaps it
 * in for `dist/`. A failed check or build leaves the previous `dist/` exactly as it was.
 *
 * Usage: node scripts/build.ts [--outDir dist] [-- extra astro build flags]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCorpus, formatProblem } from '../src/lib/validate.ts';
import { incidentsDir } from '../src/lib/content-dir.ts';

const args = process.argv.slice(2);
const outFlag = args.indexOf('--outDir');
const outDir = resolve(outFlag >= 0 ? args.splice(outFlag, 2)[1]! : 'dist');
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;

const dir = incidentsDir();
const { problems, files } = checkCorpus(dir);
if (problems.length > 0) {
	for (const problem of problems) console.error(formatProblem(problem));
	console.error(`\n✗ Build stopped: ${problems.length} problem(s) in the write-ups in ${dir}. ${outDir} is unchanged.`);
	process.exit(1);
}
console.log(`✓ ${files.length} write-ups valid; building into ${staging}`);

// Astro caches the content layer per project, not per content folder: after a build from another
// folder (tests, benchmarks) the cache points at files that are gone, so it is cleared then.
const marker = '.astro/content-dir';
const contentDir = resolve(dir);
const lastDir = existsSync(marker) ? readFileSync(marker, 'utf8') : undefined;
const force = lastDir !== contentDir ? ['--force'] : [];

rmSync(staging, { recursive: true, force: true });
const astro = spawnSync('astro', ['build', '--outDir', staging, ...force, ...args], {
	stdio: 'inherit',
	env: process.env,
});
mkdirSync('.astro', { recursive: true });
writeFileSync(marker, contentDir);
if (astro.status !== 0) {
	rmSync(staging, { recursive: true, force: true });
	console.error(`\n✗ Build failed (exit ${astro.status ?? astro.signal}). ${outDir} is unchanged.`);
	process.exit(1);
}

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`✓ Site written to ${outDir}`);
