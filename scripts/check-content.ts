/**
 * Validates every write-up and prints every problem as `path:line: field: message (expected …)`,
 * then every case study that drifted from the HHS breach register as a warning. Exits 1 when there
 * is any problem, or, with `--strict`, any warning.
 */
import { checkCorpus, checkOrganizations, formatProblem } from '../src/tooling/validate.ts';
import { incidentsDir, organizationsFile, registerDir } from '../src/tooling/content-dir.ts';
import { registerIndex } from '../src/tooling/register-store.ts';

const strict = process.argv.includes('--strict');
const dir = incidentsDir();
const corpus = checkCorpus(dir, registerIndex(registerDir()));
const { warnings, files } = corpus;
const problems = [...corpus.problems, ...checkOrganizations(organizationsFile())];
for (const problem of problems) console.error(formatProblem(problem));
for (const warning of warnings) console.error(`${strict ? '' : 'warning: '}${formatProblem(warning)}`);
const failures = strict ? [...problems, ...warnings] : problems;
const bad = new Set(failures.map((p) => p.file)).size;
if (failures.length > 0) {
	console.error(
		`\n✗ ${failures.length} problem${failures.length === 1 ? '' : 's'} in ${bad} of ${files.length} write-ups in ${dir}`,
	);
	process.exit(1);
}
if (warnings.length > 0)
	console.error(
		`\n! ${warnings.length} warning${warnings.length === 1 ? '' : 's'} in ${new Set(warnings.map((w) => w.file)).size} case studies that differ from the register (--strict makes them errors)`,
	);
console.log(`✓ ${files.length} write-ups in ${dir} are valid`);
