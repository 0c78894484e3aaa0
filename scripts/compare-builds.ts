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
 * `--expect PATH` names a file the change is meant to alter, or a family of them by a glob
 * (`data/*.csv`; `**` crosses folders, as in `register/**`): it is counted, not a failure, and
 * the first difference of each pattern is shown. Exits 1 when any other file differs, or is in one site only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, matchesGlob, relative } from 'node:path';

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

/** A bundled asset's name without its content hash: `_astro/BaseLayout.DvBJbeTU.css` → `_astro/BaseLayout.css`. */
const unhashed = (path: string) => path.replace(/^(_astro\/.+)\.[\w-]{8}(\.\w+)$/, '$1$2');

/**
 * Bundled assets that changed, and so were renamed (Vite names them by their content's hash): each
 * asset in one site only, paired with the one of the same name in the other site only.
 */
function renamedAssets(left: Set<string>, right: Set<string>): Map<string, string> {
	const only = (a: Set<string>, b: Set<string>) => [...a].filter((p) => !b.has(p) && unhashed(p) !== p);
	const after = new Map(only(right, left).map((p) => [unhashed(p), p]));
	return new Map(only(left, right).flatMap((p) => (after.has(unhashed(p)) ? [[p, after.get(unhashed(p))!]] : [])));
}

/** Where two texts first part, with a little context on each side. */
function firstDifference(a: string, b: string): string {
	let i = 0;
	while (i < a.length && a[i] === b[i]) i++;
	const at = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
	return `at character ${i}:\n      before ${at(a)}\n      after  ${at(b)}`;
}

/** How two built sites differ, file by file. */
export interface Comparison {
	total: number;
	identical: number;
	/** Identical but for the build date, or for the new names of renamed assets they link. */
	dateOnly: number;
	/** Per `--expect` pattern, the files it matched that changed, and the first one's difference. */
	expected: Map<string, { files: string[]; sizes: string[]; first?: string }>;
	changed: string[];
	missing: string[];
}

/** Compares the sites in `before` and `after`; a changed file that a pattern in `expect` matches is expected. */
export function compareBuilds(before: string, after: string, expect: readonly string[] = []): Comparison {
	const left = files(before);
	const right = files(after);
	const renames = renamedAssets(left, right);
	const renamed = new Set(renames.values());
	const all = [...new Set([...left, ...right])].filter((p) => !renamed.has(p)).sort();
	// A page that links a renamed asset is compared as if it linked it under its new name.
	const names = [...renames].map(([from, to]) => [from.replace(/^_astro\//, ''), to.replace(/^_astro\//, '')]);
	const masked = (bytes: Buffer, side: 'before' | 'after') => {
		let text = bytes.toString('utf8').replace(BUILD_DATE, '$1…$2');
		if (side === 'before') for (const [from, to] of names) text = text.replaceAll(from, to);
		return text;
	};
	const report: Comparison = {
		total: all.length,
		identical: 0,
		dateOnly: 0,
		expected: new Map(expect.map((p) => [p, { files: [], sizes: [] }])),
		changed: [],
		missing: [],
	};
	for (const path of all) {
		const afterPath = renames.get(path) ?? path;
		if (!left.has(path) || !right.has(afterPath)) {
			report.missing.push(`${path} (only ${left.has(path) ? 'before' : 'after'})`);
			continue;
		}
		const a = readFileSync(join(before, path));
		const b = readFileSync(join(after, afterPath));
		if (a.equals(b)) report.identical++;
		else if (masked(a, 'before') === masked(b, 'after')) report.dateOnly++;
		else {
			const pattern = expect.find((p) => p === path || matchesGlob(path, p));
			const difference = `${path}${afterPath === path ? '' : ` (now ${afterPath})`} ${firstDifference(masked(a, 'before'), masked(b, 'after'))}`;
			if (pattern === undefined) report.changed.push(difference);
			else {
				const entry = report.expected.get(pattern)!;
				entry.files.push(path);
				entry.sizes.push(`${path} (${a.length} → ${b.length} bytes)`);
				entry.first ??= difference;
			}
		}
	}
	return report;
}

/** The comparison as the command prints it, and whether it passes. */
export function formatComparison(report: Comparison): { text: string; ok: boolean } {
	const lines = [
		`${report.total} files: ${report.identical} identical, ${report.dateOnly} differing only in the build date or the names of changed assets.`,
	];
	const expected = [...report.expected].filter(([, e]) => e.files.length > 0);
	if (expected.length > 0) {
		lines.push('Changed as expected:');
		for (const [pattern, e] of expected) {
			if (e.files.length === 1 && e.files[0] === pattern) lines.push(`  ${e.sizes[0]}`);
			else lines.push(`  ${pattern}: ${e.files.length} files, the first ${e.first}`);
		}
	}
	for (const [pattern, e] of report.expected)
		if (e.files.length === 0) lines.push(`! --expect ${pattern}: no file changed that it names`);
	if (report.missing.length > 0) lines.push(`In one site only:\n  ${report.missing.join('\n  ')}`);
	if (report.changed.length > 0) lines.push(`Changed:\n  ${report.changed.join('\n  ')}`);
	return { text: lines.join('\n'), ok: report.missing.length + report.changed.length === 0 };
}

if (import.meta.main) {
	const args = process.argv.slice(2);
	const expect: string[] = [];
	const dirs: string[] = [];
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--expect' && args[i + 1]) expect.push(args[++i]!);
		else dirs.push(args[i]!);
	}
	if (dirs.length !== 2) {
		console.error('Usage: node scripts/compare-builds.ts <before-dir> <after-dir> [--expect PATH-OR-PATTERN ...]');
		process.exit(2);
	}
	const { text, ok } = formatComparison(compareBuilds(dirs[0]!, dirs[1]!, expect));
	console.log(text);
	process.exit(ok ? 0 : 1);
}
