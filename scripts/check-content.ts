/**
 * Validates every write-up and prints every problem as `path:line: field: message (expected …)`.
 * Exits 1 when there is any problem. `npm run check` and `npm run build` run it first.
 */
import { checkCorpus, formatProblem } from '../src/tooling/validate.ts';
import { incidentsDir } from '../src/tooling/content-dir.ts';

const dir = incidentsDir();
const { problems, files } = checkCorpus(dir);
for (const problem of problems) console.error(formatProblem(problem));
const bad = new Set(problems.map((p) => p.file)).size;
if (problems.length > 0) {
	console.error(
		`\n✗ ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${bad} of ${files.length} write-ups in ${dir}`,
	);
	process.exit(1);
}
console.log(`✓ ${files.length} write-ups in ${dir} are valid`);
