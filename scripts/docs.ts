/**
 * Regenerates the field and vocabulary tables in docs/AUTHORING.md and docs/DATA.md from the
 * model, the nginx snippet in docs/DEPLOY.md from public/_headers, and the tables of
 * docs/BENCHMARKS.md from the runs kept in docs/benchmarks/. `--check` exits 1 when a doc is out
 * of date (the unit tests check the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fillGenerated, generatedBlocks } from '../src/tooling/docs.ts';
import { benchmarkTables, readRuns } from './bench/report.ts';

const check = process.argv.includes('--check');
let stale = false;
const blocks = {
	...generatedBlocks(readFileSync('public/_headers', 'utf8')),
	benchmarks: benchmarkTables(readRuns('docs/benchmarks')),
};
for (const file of ['docs/AUTHORING.md', 'docs/DATA.md', 'docs/DEPLOY.md', 'docs/BENCHMARKS.md']) {
	const text = readFileSync(file, 'utf8');
	const next = fillGenerated(text, blocks);
	if (next === text) continue;
	if (check) {
		console.error(`${file} is out of date with the model: run npm run docs`);
		stale = true;
	} else {
		writeFileSync(file, next);
		console.log(`updated ${file}`);
	}
}
process.exit(stale ? 1 : 0);
