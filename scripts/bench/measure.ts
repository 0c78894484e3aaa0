/**
 * Runs a command and measures it: wall time, `/usr/bin/time -v` (CPU time and the largest single
 * process's peak RSS) when present, and a /proc poll of the whole process tree, which gives the
 * peak of the summed RSS and, separately, the peak RSS and lifetime of the Pagefind binary that
 * the Pagefind Node API spawns. Every output line is kept with the time it arrived.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface LogLine {
	/** Milliseconds since the command started. */
	t: number;
	text: string;
}

export interface MeasuredRun {
	command: string;
	exitCode: number | null;
	wallMs: number;
	/** `/usr/bin/time -v` "Maximum resident set size": the largest single process, in KiB. */
	maxRssLargestProcessKb: number | null;
	userSeconds: number | null;
	systemSeconds: number | null;
	/** Peak of the summed RSS of the process tree, polled every `intervalMs`, in KiB. */
	peakTreeRssKb: number;
	/** Peak RSS of the Pagefind binary (a child of the build), in KiB; null if it was never seen. */
	pagefindPeakRssKb: number | null;
	/** When the Pagefind binary was first and last seen, ms since start, and the tree's peak meanwhile. */
	pagefindWindow: { firstSeenMs: number; lastSeenMs: number; peakTreeRssKb: number } | null;
	/** Peak RSS per executable name (comm), in KiB. */
	peakRssByCommandKb: Record<string, number>;
	samples: number;
	lines: LogLine[];
}

const TIME = '/usr/bin/time';

interface ProcInfo {
	ppid: number;
	comm: string;
}

function readProcs(): Map<number, ProcInfo> {
	const out = new Map<number, ProcInfo>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const close = stat.lastIndexOf(')');
			const comm = stat.slice(stat.indexOf('(') + 1, close);
			const ppid = Number(stat.slice(close + 2).split(' ')[1]);
			out.set(Number(name), { ppid, comm });
		} catch {
			// The process ended while we looked.
		}
	}
	return out;
}

function rssKb(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
		return m ? Number(m[1]) : 0;
	} catch {
		return 0;
	}
}

function descendants(root: number, procs: Map<number, ProcInfo>): number[] {
	const children = new Map<number, number[]>();
	for (const [pid, info] of procs) {
		const list = children.get(info.ppid) ?? [];
		list.push(pid);
		children.set(info.ppid, list);
	}
	const out: number[] = [];
	const queue = [root];
	while (queue.length) {
		const pid = queue.shift()!;
		out.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return out;
}

/** Runs `command args` in `cwd` and measures it. Lines are echoed through `echo` when given. */
export function measure(
	command: string,
	args: string[],
	options: {
		cwd: string;
		env?: NodeJS.ProcessEnv;
		logFile?: string;
		echo?: (line: string) => void;
		intervalMs?: number;
	},
): Promise<MeasuredRun> {
	const useTime = existsSync(TIME);
	const timeFile = `${options.logFile ?? `/tmp/bench-${process.pid}`}.time`;
	const [cmd, argv] = useTime ? [TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
	const started = performance.now();
	const child = spawn(cmd, argv, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const lines: LogLine[] = [];
	let peakTree = 0;
	let pagefindPeak: number | null = null;
	let window: MeasuredRun['pagefindWindow'] = null;
	const byComm: Record<string, number> = {};
	let samples = 0;

	const sample = () => {
		if (child.pid === undefined) return;
		const procs = readProcs();
		const tree = descendants(child.pid, procs);
		let sum = 0;
		let pagefindNow = 0;
		for (const pid of tree) {
			const comm = procs.get(pid)?.comm ?? '?';
			if (comm === 'time') continue;
			const rss = rssKb(pid);
			sum += rss;
			byComm[comm] = Math.max(byComm[comm] ?? 0, rss);
			if (comm.startsWith('pagefind')) pagefindNow += rss;
		}
		samples++;
		peakTree = Math.max(peakTree, sum);
		if (pagefindNow > 0) {
			const now = Math.round(performance.now() - started);
			pagefindPeak = Math.max(pagefindPeak ?? 0, pagefindNow);
			window ??= { firstSeenMs: now, lastSeenMs: now, peakTreeRssKb: 0 };
			window.lastSeenMs = now;
			window.peakTreeRssKb = Math.max(window.peakTreeRssKb, sum);
		}
	};
	const timer = setInterval(sample, options.intervalMs ?? 100);

	const onData = (stream: NodeJS.ReadableStream) => {
		let rest = '';
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			const parts = (rest + chunk).split('\n');
			rest = parts.pop()!;
			const t = Math.round(performance.now() - started);
			for (const raw of parts) {
				// eslint-disable-next-line no-control-regex
				const text = raw.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r$/, '');
				lines.push({ t, text });
				options.echo?.(text);
			}
		});
		stream.on('end', () => {
			if (rest) lines.push({ t: Math.round(performance.now() - started), text: rest });
		});
	};
	onData(child.stdout!);
	onData(child.stderr!);

	return new Promise((resolve, reject) => {
		child.on('error', (error) => {
			clearInterval(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(timer);
			const wallMs = Math.round(performance.now() - started);
			let maxRss: number | null = null;
			let user: number | null = null;
			let system: number | null = null;
			if (useTime && existsSync(timeFile)) {
				const text = readFileSync(timeFile, 'utf8');
				const num = (re: RegExp) => {
					const m = re.exec(text);
					return m ? Number(m[1]) : null;
				};
				maxRss = num(/Maximum resident set size \(kbytes\): (\d+)/);
				user = num(/User time \(seconds\): ([\d.]+)/);
				system = num(/System time \(seconds\): ([\d.]+)/);
				rmSync(timeFile, { force: true });
			}
			lines.sort((a, b) => a.t - b.t);
			if (options.logFile)
				writeFileSync(options.logFile, lines.map((l) => `${String(l.t).padStart(8)} ${l.text}`).join('\n') + '\n');
			resolve({
				command: [command, ...args].join(' '),
				exitCode: code,
				wallMs,
				maxRssLargestProcessKb: maxRss,
				userSeconds: user,
				systemSeconds: system,
				peakTreeRssKb: peakTree,
				pagefindPeakRssKb: pagefindPeak,
				pagefindWindow: window,
				peakRssByCommandKb: byComm,
				samples,
				lines,
			});
		});
	});
}
