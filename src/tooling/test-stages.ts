/**
 * The stages of `npm test`, in order, each with its budget: the wall time in seconds it should
 * take on this machine when it is quiet (docs/BENCHMARKS.md, "The test suite", gives the same
 * table; a unit test keeps the two alike). A stage over its budget is reported, not failed: on a
 * shared machine the load, which the report gives beside each time, moves wall times far more.
 */
export interface TestStage {
	/** The npm script. */
	script: string;
	/** Seconds of wall time on a quiet machine. */
	budget: number;
	/** The environment it needs beyond the caller's. */
	env?: Record<string, string>;
	/**
	 * Runs beside the stage before it instead of after it: for a stage that only reads the tree, and
	 * uses a core that the stage before leaves idle. Its output is held, and printed once the stage
	 * before it has finished.
	 */
	beside?: boolean;
}

export const TEST_STAGES: readonly TestStage[] = [
	// `astro check` keeps about one core busy; formatting and the in-process tests read the tree
	// beside it.
	{ script: 'check', budget: 30 },
	{ script: 'format:check', budget: 20, beside: true },
	{ script: 'test:unit', budget: 15, beside: true },
	// The builds, one at a time, as each writes Astro's cache in .astro/. Rendering is one thread,
	// so the production build leaves most of a core idle: the command-line tools' tests, which build
	// nothing and work in folders of their own, run beside it (the two took 50 s together, against
	// 41 s and 33 s alone; beside the slow lane, 67 s with it).
	{ script: 'build', budget: 50, env: { SITE_URL: 'https://casebook.example' } },
	{ script: 'test:tools', budget: 45, beside: true },
	// The slow lane's builds leave a core idle too: beside them, the HTML validators read the
	// production build's files (the slow lane took 42 s alone here, at 1.39 cores, and 49 s with
	// them beside it; they took 24 s). Beside the benchmark's check, which keeps more of both cores
	// busy, the pair took 43 s here and 48 s in CI, against 27 s for the check alone.
	{ script: 'test:slow', budget: 55 },
	{ script: 'test:dist', budget: 30, beside: true },
	// The browser stages fill both cores, and run alone.
	{ script: 'test:e2e', budget: 140 },
	{ script: 'test:subpath', budget: 55 },
	{ script: 'test:bench', budget: 37 },
];

/** The stages in the order they start, each group run at once: a stage and those beside it. */
export function stageGroups(stages: readonly TestStage[] = TEST_STAGES): TestStage[][] {
	const groups: TestStage[][] = [];
	for (const stage of stages) {
		if (stage.beside && groups.length > 0) groups.at(-1)!.push(stage);
		else groups.push([stage]);
	}
	return groups;
}

/**
 * The time the stages may take together: each group as long as its longest budget, since the
 * stages of a group run at once, and the groups one after another.
 */
export function suiteBudget(stages: readonly TestStage[] = TEST_STAGES): number {
	return stageGroups(stages).reduce((n, group) => n + Math.max(...group.map((s) => s.budget)), 0);
}

/** What one stage took: wall time, the 1-minute load average when it ended, and its exit status. */
export interface StageTiming {
	script: string;
	seconds: number;
	load: number;
	status: number;
}

/**
 * The report `npm test` prints: each stage's time beside its budget, those over it marked, and the
 * total, which is the run's wall time (`wall`) where stages ran side by side, else their sum.
 */
export function stageReport(
	timings: readonly StageTiming[],
	wall?: number,
	stages: readonly TestStage[] = TEST_STAGES,
): string {
	const budgetOf = (script: string) => stages.find((s) => s.script === script)?.budget;
	const overBy = (seconds: number, budget: number | undefined) =>
		budget !== undefined && seconds > budget ? `  ! over by ${(seconds - budget).toFixed(1)} s` : '';
	const lines = ['', 'npm test, stage by stage (wall time against its budget; 1-minute load average at the end):'];
	const over: string[] = [];
	for (const t of timings) {
		const budget = budgetOf(t.script);
		const late = overBy(t.seconds, budget);
		if (late) over.push(t.script);
		lines.push(
			`  ${t.status === 0 ? '✓' : '✗'} ${t.script.padEnd(14)} ${t.seconds.toFixed(1).padStart(7)} s  budget ${String(budget ?? '–').padStart(4)} s${late}  (load ${t.load.toFixed(2)})`,
		);
	}
	const sum = timings.reduce((n, t) => n + t.seconds, 0);
	const total = wall ?? sum;
	const ran = new Set(timings.map((t) => t.script));
	const budget = suiteBudget(stages.filter((s) => ran.has(s.script)));
	lines.push(
		`  ${'total'.padStart(16)} ${total.toFixed(1).padStart(7)} s  budget ${String(budget).padStart(4)} s${overBy(total, budget)}` +
			(wall !== undefined && sum - wall >= 0.05
				? `  (wall time; the stages add up to ${sum.toFixed(1)} s, some having run side by side)`
				: ''),
	);
	if (over.length > 0)
		lines.push(
			`  ! Over budget: ${over.join(', ')}. A warning, not a failure: compare the load average, and docs/BENCHMARKS.md.`,
		);
	return lines.join('\n');
}
