/**
 * `npm test`: every stage in turn, stopping at the first group that fails, then how long each took
 * against its budget and the load average when it ended, so that a CI log shows where the time
 * went. The stages and their budgets are in src/tooling/test-stages.ts (and docs/BENCHMARKS.md); a
 * stage marked `beside` starts with the stage before it, its output held and printed when it ends.
 * A stage over its budget is a warning, since the load of a shared machine moves wall times.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { stageGroups, stageReport, type StageTiming, type TestStage } from '../src/tooling/test-stages.ts';

const timings: StageTiming[] = [];
const begun = performance.now();
const report = () => console.log(stageReport(timings, (performance.now() - begun) / 1000));

/** Runs one stage; its output goes straight through, or is held and returned as one block. */
function run({ script, env }: TestStage, hold: boolean): Promise<StageTiming & { output: string }> {
	const started = performance.now();
	const child = spawn('npm', ['run', script], {
		stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit',
		env: { ...process.env, ...env },
	});
	const held: Buffer[] = [];
	child.stdout?.on('data', (chunk: Buffer) => held.push(chunk));
	child.stderr?.on('data', (chunk: Buffer) => held.push(chunk));
	return new Promise((done) =>
		child.on('close', (code) =>
			done({
				script,
				seconds: (performance.now() - started) / 1000,
				load: loadavg()[0]!,
				status: code ?? 1,
				output: Buffer.concat(held).toString(),
			}),
		),
	);
}

for (const group of stageGroups()) {
	const [first, ...beside] = group;
	// The beside stages' output is printed after the first stage's, so that each reads whole.
	const besideRuns = beside.map((stage) => run(stage, true));
	const results = [await run(first!, false), ...(await Promise.all(besideRuns))];
	for (const { script, output } of results.slice(1))
		process.stdout.write(`\n── ${script}, run beside ${first!.script} ──\n${output}`);
	timings.push(...results.map(({ script, seconds, load, status }) => ({ script, seconds, load, status })));
	const failed = results.filter((t) => t.status !== 0);
	if (failed.length > 0) {
		report();
		const names = failed.map((t) => `${t.script} (exit ${t.status})`).join(', ');
		console.error(`\nnpm test: ${names} failed; the stages after it did not run.`);
		process.exit(1);
	}
}
report();
