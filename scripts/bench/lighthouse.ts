/**
 * `npm run bench:lighthouse`: Lighthouse's performance audit of the search page, which loads its
 * results after the page (`/search/?q=anthem` and `/search/`), on its mobile profile (a mid-range
 * phone, 4× slower CPU, slow 4G) and on its desktop one, against the built site in `dist/` served
 * by scripts/serve.ts (build it first). Prints the score, Cumulative Layout Shift and Total Blocking Time of each,
 * with the goals of issue #27 (CLS ≤ 0.05, TBT ≤ 200 ms on mobile, score ≥ 95), and keeps the run in
 * docs/benchmarks/lighthouse/<date>.json. Exits 1 if a goal is missed. Lighthouse drives the
 * system's Chromium (src/tooling/chromium.ts); the end-to-end suite guards CLS on every test run
 * (tests/e2e/search-stability.spec.ts), this measures what Lighthouse itself reports.
 *
 * Usage: npm run bench:lighthouse [-- --dir dist] [--runs 3] [--no-docs]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from '@playwright/test';
import { freePort, serve } from './browser.ts';
import { median } from './report.ts';
import { chromiumLaunchOptions } from '../../src/tooling/chromium.ts';
import { siteConfig } from '../../src/site-config.ts';

const root = resolve(import.meta.dirname, '../..');
const { values: opts } = parseArgs({
	options: {
		dir: { type: 'string', default: 'dist' },
		runs: { type: 'string', default: '3' },
		'no-docs': { type: 'boolean', default: false },
	},
});
const runs = Number(opts.runs);
if (!Number.isInteger(runs) || runs < 1) {
	console.error(`--runs must be a whole number of at least 1 (got ${opts.runs})`);
	process.exit(2);
}

/** Issue #27's goals for the search page, on Lighthouse's mobile profile. */
export const GOALS = { score: 95, cls: 0.05, tbtMs: 200 };
const PATHS = ['search/?q=anthem', 'search/'];
const PROFILES = { mobile: undefined, desktop: desktopConfig } as const;

interface Figures {
	path: string;
	profile: keyof typeof PROFILES;
	score: number;
	cls: number;
	tbtMs: number;
}

const server = await serve(root, resolve(root, opts.dir!), siteConfig().base, () => {});
// The browser readers run (not the tests' headless shell), with the DevTools port that Lighthouse connects to.
const port = await freePort();
const launch = chromiumLaunchOptions('full');
const chrome = await chromium.launch({
	...launch,
	args: [...(launch.args ?? []), `--remote-debugging-port=${port}`, '--disable-gpu'],
});
const results: Figures[] = [];
try {
	for (const path of PATHS) {
		for (const [profile, config] of Object.entries(PROFILES) as [keyof typeof PROFILES, typeof desktopConfig][]) {
			const each: Omit<Figures, 'path' | 'profile'>[] = [];
			for (let run = 0; run < runs; run++) {
				const result = await lighthouse(
					`${server.url}${path}`,
					{ port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' },
					config,
				);
				const { categories, audits } = result!.lhr;
				each.push({
					score: Math.round((categories.performance!.score ?? 0) * 100),
					cls: audits['cumulative-layout-shift']!.numericValue!,
					tbtMs: Math.round(audits['total-blocking-time']!.numericValue!),
				});
			}
			const figures = {
				path,
				profile,
				score: median(each.map((e) => e.score)),
				cls: median(each.map((e) => e.cls)),
				tbtMs: median(each.map((e) => e.tbtMs)),
			};
			results.push(figures);
			console.log(
				`/${path.padEnd(18)} ${profile.padEnd(8)} score ${figures.score}  CLS ${figures.cls.toFixed(3)}  TBT ${figures.tbtMs} ms (median of ${runs})`,
			);
		}
	}
} finally {
	await chrome.close();
	await server.stop();
}

const missed = results.filter(
	(r) => r.cls > GOALS.cls || (r.profile === 'mobile' && (r.tbtMs > GOALS.tbtMs || r.score < GOALS.score)),
);
if (!opts['no-docs']) {
	// Apart from the build runs in docs/benchmarks/, which the benchmark tables read.
	const dir = join(root, 'docs', 'benchmarks', 'lighthouse');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `${new Date().toISOString().slice(0, 16).replace(':', '-')}.json`);
	writeFileSync(
		file,
		`${JSON.stringify({ date: new Date().toISOString(), runs, goals: GOALS, results }, null, '\t')}\n`,
	);
	console.log(`Kept in ${file}`);
}
for (const r of missed) console.error(`Missed a goal: /${r.path} on ${r.profile}`);
process.exit(missed.length ? 1 : 0);
