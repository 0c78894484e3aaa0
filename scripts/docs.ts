/**
 * Regenerates the field and vocabulary tables in docs/AUTHORING.md and docs/DATA.md from the
 * model. `--check` exits 1 when a doc is out of date (the unit tests run it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fillGenerated, generatedBlocks } from '../src/tooling/docs.ts';

const check = process.argv.includes('--check');
let stale = false;
const headers = readFileSync('public/_headers', 'utf8');
for (const file of ['docs/AUTHORING.md', 'docs/DATA.md', 'docs/DEPLOY.md']) {
	const text = readFileSync(file, 'utf8');
	const next = fillGenerated(text, generatedBlocks(headers));
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
