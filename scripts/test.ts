/**
 * `npm test`: every stage in turn, stopping at the first that fails, then how long each took and
 * the load average when it ended, so that a CI log shows where the time went (the budgets are in
 * docs/BENCHMARKS.md).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

/** The stages, in order: each an npm script, with the environment it needs. */
const STAGES: { script: string; env?: Record<string, string> }[] = [
	{ script: 'check' },
	{ script: 'format:check' },
	{ script: 'test:unit' },
	{ script: 'test:slow' },
	{ script: 'build', env: { SITE_URL: 'https://casebook.example' } },
	{ script: 'test:e2e' },
	{ script: 'test:subpath' },
	{ script: 'test:bench' },
];

const timings: { script: string; seconds: number; load: number; status: number }[] = [];
const report = () => {
	console.log('\nnpm test, stage by stage (wall time; 1-minute load average at the end):');
	for (const t of timings)
		console.log(
			`  ${t.status === 0 ? '✓' : '✗'} ${t.script.padEnd(14)} ${t.seconds.toFixed(1).padStart(7)} s  (load ${t.load.toFixed(2)})`,
		);
	const total = timings.reduce((n, t) => n + t.seconds, 0);
	console.log(`  ${'total'.padStart(16)} ${total.toFixed(1).padStart(7)} s`);
};

for (const { script, env } of STAGES) {
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
