/**
 * Compares two built sites file by file, to show that a change which should not alter the output
 * (a refactor) did not: every file must be byte-identical, apart from the build date.
 *
 * The build date is the `generated` field of the JSON API; it is masked before comparing. The
 * build day also ends open exposure windows on the timeline, so build both sites on the same day,
 * or with the same SOURCE_DATE_EPOCH, which fixes both:
 *
 *   git stash   # or: git worktree add /tmp/base main
 *   SOURCE_DATE_EPOCH=1764547200 SITE_URL=https://casebook.example npm run build -- --outDir /tmp/before
 *   git stash pop
 *   SOURCE_DATE_EPOCH=1764547200 SITE_URL=https://casebook.example npm run build -- --outDir /tmp/after
 *   node scripts/compare-builds.ts /tmp/before /tmp/after [--expect data/register.csv ...]
 *
 * `--expect PATH` names a file the change is meant to alter: it is listed, not counted as a failure.
 * Exits 1 when any other file differs, or is in one site only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const expected = new Set<string>();
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--expect' && args[i + 1]) expected.add(args[++i]!);
	else dirs.push(args[i]!);
}
if (dirs.length !== 2) {
	console.error('Usage: node scripts/compare-builds.ts <before-dir> <after-dir> [--expect PATH ...]');
	process.exit(2);
}
const [before, after] = dirs as [string, string];

/** Every file below `dir`, as paths relative to it. */
function files(dir: string): Set<string> {
	return new Set(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => relative(dir, join(entry.parentPath, entry.name))),
	);
}

/** The build date, wherever an export states it: `"generated": "2026-12-01T00:00:00.000Z"`. */
const BUILD_DATE = /("generated"\s*:\s*")[^"]*(")/g;
const masked = (bytes: Buffer) => bytes.toString('utf8').replace(BUILD_DATE, '$1…$2');

/** Where two texts first part, with a little context on each side. */
function firstDifference(a: string, b: string): string {
	let i = 0;
	while (i < a.length && a[i] === b[i]) i++;
	const at = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
	return `at character ${i}:\n      before ${at(a)}\n      after  ${at(b)}`;
}

const left = files(before);
const right = files(after);
const all = [...new Set([...left, ...right])].sort();
const report = {
	identical: 0,
	dateOnly: 0,
	changed: [] as string[],
	expected: [] as string[],
	missing: [] as string[],
};
for (const path of all) {
	if (!left.has(path) || !right.has(path)) {
		report.missing.push(`${path} (only ${left.has(path) ? 'before' : 'after'})`);
		continue;
	}
	const a = readFileSync(join(before, path));
	const b = readFileSync(join(after, path));
	if (a.equals(b)) report.identical++;
	else if (masked(a) === masked(b)) report.dateOnly++;
	else if (expected.has(path)) report.expected.push(`${path} (${a.length} → ${b.length} bytes)`);
	else report.changed.push(`${path} ${firstDifference(masked(a), masked(b))}`);
}

console.log(`${all.length} files: ${report.identical} identical, ${report.dateOnly} differing only in the build date.`);
if (report.expected.length > 0) console.log(`Changed as expected:\n  ${report.expected.join('\n  ')}`);
for (const path of expected) if (!all.includes(path)) console.log(`! --expect ${path}: no such file in either site`);
if (report.missing.length > 0) console.log(`In one site only:\n  ${report.missing.join('\n  ')}`);
if (report.changed.length > 0) console.log(`Changed:\n  ${report.changed.join('\n  ')}`);
process.exit(report.missing.length + report.changed.length > 0 ? 1 : 0);
