/**
 * `npm run build`: validates every write-up, builds into a staging folder, indexes it for search,
 * and only then swaps it in for `dist/`. A failed check, build or index leaves the previous `dist/`
 * exactly as it was.
 *
 * The check runs alongside `astro build` (on the other core: Astro's start-up and content sync are
 * single-threaded), and a failed check stops Astro at once. The share images are drawn into their
 * cache by a process of their own while Astro renders, and copied in once it has exited, alongside
 * Pagefind, which runs then so that it does not hold its memory while Astro holds its own.
 *
 * Usage: node scripts/build.ts [--outDir dist] [-- extra astro build flags]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { checkCorpus, formatProblem } from '../src/tooling/validate.ts';
import { registerIndex } from '../src/tooling/register-store.ts';
import { incidentsDir, registerDir } from '../src/tooling/content-dir.ts';
import { INDEX_AFTER_ASTRO, indexSite } from '../src/integrations/pagefind.ts';
import { buildMark } from '../src/integrations/build-marks.ts';
import { siteUrlProblem } from '../src/site-config.ts';
import { registerFreshness, staleRegisterWarning } from '../src/lib/register/freshness.ts';
import { buildDay } from '../src/lib/build-info.ts';
import { API_INDEX_PATH } from '../src/lib/casebook/export.ts';
import {
	registerSampleProblem,
	registerSampleRequested,
	REGISTER_SAMPLE_VARIABLE,
} from '../src/lib/register/sample.ts';

const args = process.argv.slice(2);
const outFlag = args.indexOf('--outDir');
const outDir = resolve(outFlag >= 0 ? args.splice(outFlag, 2)[1]! : 'dist');
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;

let warming: ChildProcess | undefined;

function fail(message: string): never {
	warming?.kill();
	rmSync(staging, { recursive: true, force: true });
	console.error(`\n✗ ${message} ${outDir} is unchanged.`);
	process.exit(1);
}

// A build for deployment without SITE_URL stops here, before Astro starts; without it otherwise,
// Astro's own hook (src/integrations/site-url.ts) warns, naming every output affected.
const siteUrl = siteUrlProblem(process.env, process.argv);
if (siteUrl?.level === 'error') fail(`Build stopped: ${siteUrl.message}`);

// A sample of the register (REGISTER_SAMPLE, src/lib/register/sample.ts) is for tests: refused for
// a deployment, and announced at the start and again at the end, where it is not buried.
const sampleProblem = registerSampleProblem(process.env, process.argv, outDir);
if (sampleProblem) fail(`Build stopped: ${sampleProblem}`);
const sampleWarning = registerSampleRequested(process.env)
	? `! ${REGISTER_SAMPLE_VARIABLE} is set: ${outDir} holds a SAMPLE of the register, not every filing. For tests only: never deploy it.`
	: undefined;
if (sampleWarning) console.warn(sampleWarning);

// Astro caches the content layer per project, not per content folder: after a build from another
// folder (tests, benchmarks) the cache points at files that are gone, so it is cleared then.
const dir = incidentsDir();
const marker = '.astro/content-dir';
const contentDir = resolve(dir);
const lastDir = existsSync(marker) ? readFileSync(marker, 'utf8') : undefined;
const force = lastDir !== contentDir ? ['--force'] : [];

rmSync(staging, { recursive: true, force: true });
// Its own process group, so that a failed check can stop Astro and every worker it started.
const astro = spawn('astro', ['build', '--outDir', staging, ...force, ...args], {
	stdio: 'inherit',
	env: { ...process.env, [INDEX_AFTER_ASTRO]: '1' },
	detached: true,
});
const astroExit = new Promise<number | string>((done) =>
	astro.on('close', (code, signal) => done(code ?? signal ?? 'unknown')),
);
const stopAstro = () => {
	try {
		process.kill(-astro.pid!, 'SIGTERM');
	} catch {
		// Already gone.
	}
};
process.on('SIGINT', () => (stopAstro(), fail('Build interrupted.')));
process.on('SIGTERM', () => (stopAstro(), fail('Build interrupted.')));

// The share images are drawn into their cache while Astro renders: the list they are drawn from,
// api/incidents.json, is the first page Astro writes, and its rendering leaves the other core
// free. In a process of its own (scripts/share-images.ts), whose memory is returned when it
// exits; whatever it has not drawn when Astro exits is drawn below.
let astroDone = false;
void astroExit.then(() => (astroDone = true));
async function warmShareImageCache(): Promise<void> {
	if (process.env.SHARE_IMAGES === 'off') return;
	for (; ; await sleep(200)) {
		if (astroDone) return;
		try {
			JSON.parse(readFileSync(join(staging, API_INDEX_PATH), 'utf8'));
			break;
		} catch {
			// Not written yet, or not wholly.
		}
	}
	const script = fileURLToPath(new URL('share-images.ts', import.meta.url));
	warming = spawn(process.execPath, [script, staging], { stdio: 'inherit' });
	await new Promise((done) => warming!.on('close', done));
}
const cacheWarmed = warmShareImageCache();

const checkStarted = performance.now();
const register = registerIndex(registerDir());
const { problems, warnings, files } = checkCorpus(dir, register);
if (problems.length > 0) {
	stopAstro();
	await astroExit;
	for (const problem of problems) console.error(formatProblem(problem));
	fail(`Build stopped: ${problems.length} problem(s) in the write-ups in ${dir}.`);
}
if (warnings.length > 0) console.warn(`! ${warnings.length} register warning(s): npm run check lists them`);
const checkMs = Math.round(performance.now() - checkStarted);
buildMark('checked', { ms: checkMs });
console.log(`✓ ${files.length} write-ups valid in ${checkMs} ms (checked while Astro builds into ${staging})`);

const status = await astroExit;
mkdirSync('.astro', { recursive: true });
writeFileSync(marker, contentDir);
if (status !== 0) fail(`Build failed (exit ${status}).`);

// The share images are copied from the cache, drawing any the early pass above has not, while
// Pagefind indexes: Pagefind is a binary of its own, so the two share the cores, and neither
// holds memory while Astro's rendered site is still in the heap. The renderer (satori, resvg) is
// loaded here only if a card is left to draw.
const images = cacheWarmed
	.then(() => import('../src/integrations/share-images.ts'))
	.then(({ drawShareImages, SHARE_IMAGE_CACHE }) =>
		drawShareImages(staging, SHARE_IMAGE_CACHE, {
			info: (message) => console.log(`[share-images] ${message}`),
			warn: (message) => console.warn(`[share-images] ${message}`),
		}),
	)
	.catch((error: Error) => fail(`Share images failed: ${error.message}.`));
try {
	const { pages, ms } = await indexSite(staging, {
		info: (message) => console.log(`[search] ${message}`),
		error: (message) => console.error(`[search] ${message}`),
	});
	buildMark('indexed', { pages, ms });
} catch (error) {
	fail(`Search indexing failed: ${(error as Error).message}.`);
}
await images;

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`✓ Site written to ${outDir}`);
// Last, where it is not buried: a register whose refresh has stopped is published all the same.
const stale = register.latest && staleRegisterWarning(registerFreshness(register.latest, buildDay()));
if (stale) console.warn(`! ${stale}`);
if (sampleWarning) console.warn(sampleWarning);
