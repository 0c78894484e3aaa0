/**
 * Runs a build and measures it: wall time, `/usr/bin/time -v` (CPU time and the largest single
 * process's peak RSS) when present, a /proc poll of the whole process tree every 100 ms (the peak
 * of the summed RSS, and separately that of the Pagefind binary the Node API spawns), the phases
 * from the timing marks the build writes (src/integrations/build-marks.ts), and the output.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { BUILD_MARKS, type BuildMark } from '../../src/integrations/build-marks.ts';
import { outputBreakdown } from './site.ts';

const TIME = '/usr/bin/time';

/** RSS of the tree under `root`, in KiB: all of it, and the Pagefind binary's part. */
function treeRss(root: number): { sum: number; pagefind: number } {
	const procs: { pid: number; ppid: number; comm: string }[] = [];
	for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const close = stat.lastIndexOf(')');
			const comm = stat.slice(stat.indexOf('(') + 1, close);
			procs.push({ pid: Number(name), ppid: Number(stat.slice(close + 2).split(' ')[1]), comm });
		} catch {
			// The process ended while we looked.
		}
	}
	// Parents have lower pids than their children almost always; repeat until nothing is added.
	const tree = new Set([root]);
	for (let size = 0; size !== tree.size;) {
		size = tree.size;
		for (const p of procs) if (tree.has(p.ppid)) tree.add(p.pid);
	}
	let sum = 0;
	let pagefind = 0;
	for (const { pid, comm } of procs) {
		if (!tree.has(pid) || comm === 'time') continue;
		let rss = 0;
		try {
			rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
		} catch {
			// Ended meanwhile.
		}
		sum += rss;
		if (comm.startsWith('pagefind')) pagefind += rss;
	}
	return { sum, pagefind };
}

/** Runs `command` and measures it; the lines it prints go to `logFile`, each with its time. */
async function run(command: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string) {
	const useTime = existsSync(TIME);
	const timeFile = `${logFile}.time`;
	const argv = useTime ? [TIME, '-v', '-o', timeFile, ...command] : command;
	const started = performance.now();
	const child = spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const lines: string[] = [];
	let peakTree = 0;
	let pagefindPeak: number | null = null;
	const timer = setInterval(() => {
		if (child.pid === undefined) return;
		const { sum, pagefind } = treeRss(child.pid);
		peakTree = Math.max(peakTree, sum);
		if (pagefind > 0) pagefindPeak = Math.max(pagefindPeak ?? 0, pagefind);
	}, 100);
	for (const stream of [child.stdout!, child.stderr!]) {
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			const t = String(Math.round(performance.now() - started)).padStart(8);
			// eslint-disable-next-line no-control-regex
			for (const line of chunk.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) if (line) lines.push(`${t} ${line}`);
		});
	}
	const [code] = (await once(child, 'close')) as [number | null];
	clearInterval(timer);
	const wallMs = Math.round(performance.now() - started);
	const time = useTime && existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
	rmSync(timeFile, { force: true });
	writeFileSync(logFile, lines.join('\n') + '\n');
	return { code, wallMs, peakTree, pagefindPeak, lines, time };
}

/** The marks a build wrote, by name, as ms since it started. */
function readMarks(file: string, startedAt: number): Map<BuildMark['mark'], BuildMark & { t: number }> {
	const marks = new Map<BuildMark['mark'], BuildMark & { t: number }>();
	if (!existsSync(file)) return marks;
	for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
		const mark = JSON.parse(line) as BuildMark;
		if (!marks.has(mark.mark)) marks.set(mark.mark, { ...mark, t: mark.at - startedAt });
	}
	return marks;
}

/** Phases of a build, from the marks that Astro's hooks, our integrations and scripts/build.ts wrote. */
function phases(marks: ReturnType<typeof readMarks>, wallMs: number): Record<string, number | null> {
	const t = (name: BuildMark['mark']) => marks.get(name)?.t ?? null;
	const diff = (a: number | null, b: number | null) => (a != null && b != null ? Math.max(0, a - b) : null);
	const indexed = marks.get('indexed');
	const indexStart = indexed?.ms != null ? indexed.t - indexed.ms : null;
	return {
		'validate write-ups (alongside Astro)': marks.get('checked')?.ms ?? null,
		'Astro start-up and config': t('configured'),
		'content sync': diff(t('synced'), t('configured')),
		'bundle (Vite)': diff(t('bundled'), t('synced')),
		'render pages': diff(t('rendered'), t('bundled')),
		'after rendering, before Pagefind': diff(indexStart, t('rendered')),
		'Pagefind indexing': indexed?.ms ?? null,
		'share images': marks.get('images')?.ms ?? null,
		'share images, the part not alongside rendering or Pagefind': imagesBeyondIndexing(marks),
		'finish (exit, swap into place)': diff(wallMs, Math.max(indexed?.t ?? 0, t('images') ?? 0) || null),
	};
}

/**
 * What the share images added to the wall time: their time less the parts that overlapped Astro's
 * rendering (scripts/build.ts draws them into their cache meanwhile) and Pagefind's indexing.
 */
function imagesBeyondIndexing(marks: ReturnType<typeof readMarks>): number | null {
	const images = marks.get('images');
	if (images?.ms == null) return null;
	const indexed = marks.get('indexed');
	const [bundled, rendered] = [marks.get('bundled')?.t, marks.get('rendered')?.t];
	const windows: [number, number][] = [];
	if (bundled != null && rendered != null) windows.push([bundled, rendered]);
	if (indexed?.ms != null) windows.push([indexed.t - indexed.ms, indexed.t]);
	const [from, to] = [images.t - images.ms, images.t];
	const overlap = windows.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(to, b) - Math.max(from, a)), 0);
	return Math.max(0, images.ms - overlap);
}

const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
const toMb = (kb: number | null) => (kb == null ? null : Math.round((kb / 1024) * 10) / 10);

/** Runs a build command, fails with the end of its log if it fails, and returns its figures. */
export async function measuredBuild(
	label: string,
	command: string[],
	o: { cwd: string; env: NodeJS.ProcessEnv; outputDir: string; logFile: string },
) {
	const loadBefore = load();
	const marksFile = `${o.logFile}.marks`;
	rmSync(marksFile, { force: true });
	const startedAt = Date.now();
	const r = await run(command, o.cwd, { ...o.env, [BUILD_MARKS]: marksFile }, o.logFile);
	if (r.code !== 0)
		throw new Error(`${label} build failed (exit ${r.code}); log in ${o.logFile}:\n${r.lines.slice(-30).join('\n')}`);
	const num = (re: RegExp) => {
		const m = re.exec(r.time);
		return m ? Number(m[1]) : null;
	};
	const user = num(/User time \(seconds\): ([\d.]+)/);
	const system = num(/System time \(seconds\): ([\d.]+)/);
	const marks = readMarks(marksFile, startedAt);
	const output = outputBreakdown(o.outputDir);
	const figures = {
		wallMs: r.wallMs,
		phases: phases(marks, r.wallMs),
		/** Pagefind's own timing, and the pages it indexed. */
		pagefindMs: marks.get('indexed')?.ms ?? null,
		pagefindPages: marks.get('indexed')?.pages ?? null,
		/** Drawing the share images, what that added to the wall time (they are drawn alongside Astro's rendering and Pagefind), and how many were drawn rather than cached. */
		shareImagesMs: marks.get('images')?.ms ?? null,
		shareImagesBeyondIndexingMs: imagesBeyondIndexing(marks),
		shareImagesDrawn: marks.get('images')?.pages ?? null,
		/** Peak of the summed RSS of the process tree; of the largest process (time -v); of the Pagefind binary. */
		peakTreeRssMb: toMb(r.peakTree)!,
		maxRssLargestProcessMb: toMb(num(/Maximum resident set size \(kbytes\): (\d+)/)),
		pagefindPeakRssMb: toMb(r.pagefindPeak),
		cpuSeconds: user != null && system != null ? Math.round((user + system) * 10) / 10 : null,
		pagesBuilt: marks.get('done')?.pages ?? null,
		distBytes: output.reduce((sum, f) => sum + f.bytes, 0),
		pagefindBytes: output.find((f) => f.path === 'pagefind/')?.bytes ?? 0,
		/** Output by top-level folder (top 12). */
		output: output.slice(0, 12),
		loadBefore,
	};
	console.log(
		`  ${(r.wallMs / 1000).toFixed(1)} s, peak RSS ${figures.peakTreeRssMb} MB (tree), Pagefind ${figures.pagefindMs} ms, load ${loadBefore.join(', ')}`,
	);
	return figures;
}
