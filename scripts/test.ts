/**
 * `npm test`: every stage in turn, stopping at the first that fails, then how long each took
 * against its budget and the load average when it ended, so that a CI log shows where the time
 * went. The stages and their budgets are in src/tooling/test-stages.ts (and docs/BENCHMARKS.md);
 * a stage over its budget is a warning, since the load of a shared machine moves wall times.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { stageReport, TEST_STAGES, type StageTiming } from '../src/tooling/test-stages.ts';

const timings: StageTiming[] = [];
const report = () => console.log(stageReport(timings));

for (const { script, env } of TEST_STAGES) {
	const started = performance.now();
	const { status } = spawnSync('npm', ['run', script], { stdio: 'inherit', env: { ...process.env, ...env } });
	timings.push({ script, seconds: (performance.now() - started) / 1000, load: loadavg()[0]!, status: status ?? 1 });
	if (status !== 0) {
		report();
		console.error(`\nnpm test: ${script} failed (exit ${status ?? 'signal'}); the stages after it did not run.`);
		process.exit(1);
	}
}
report();
