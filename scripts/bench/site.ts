/**
 * Figures read from a built site on disk: the output by top-level folder, and the compressed
 * weight of a page computed from the files it references.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Files and bytes per top-level entry of a built site, largest first. */
export function outputBreakdown(dir: string): { path: string; files: number; bytes: number }[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.map((entry) => {
			const full = join(dir, entry.name);
			if (!entry.isDirectory()) return { path: entry.name, files: 1, bytes: statSync(full).size };
			const files = readdirSync(full, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
			const bytes = files.reduce((sum, f) => sum + statSync(join(f.parentPath, f.name)).size, 0);
			return { path: `${entry.name}/`, files: files.length, bytes };
		})
		.sort((a, b) => b.bytes - a.bytes);
}

/**
 * The pages `<folder>/<name>/index.html` of a built site by size, smallest first, as paths from
 * the site's root (`incidents/anthem-2015/`); redirect pages (a meta refresh) left out.
 */
export function pagesBySize(siteDir: string, folder: string): { path: string; bytes: number }[] {
	const root = join(siteDir, folder);
	if (!existsSync(root)) return [];
	return readdirSync(root)
		.map((name) => ({ path: `${folder}/${name}/`, file: join(root, name, 'index.html') }))
		.filter(
			(p) => existsSync(p.file) && !/<meta http-equiv="refresh"/i.test(readFileSync(p.file, 'utf8').slice(0, 2000)),
		)
		.map((p) => ({ path: p.path, bytes: statSync(p.file).size }))
		.sort((a, b) => a.bytes - b.bytes || a.path.localeCompare(b.path));
}

/**
 * The gzip bytes (Node's default level, 6) of one page (`path` from the site's root, e.g.
 * `register/<id>/`), computed from disk: the HTML, its stylesheets, its scripts and the modules
 * those import statically (dynamic `import()`, e.g. Pagefind, is left out: it only loads when
 * search is used).
 */
export function staticPageWeight(siteDir: string, path: string, base = '/'): number {
	const html = readFileSync(join(siteDir, path, 'index.html'), 'utf8');
	const seen = new Set<string>();
	let gzip = gzipSync(html).length;
	const local = (url: string): string | undefined => {
		if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return undefined;
		const path = url.split(/[?#]/)[0]!;
		return path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
	};
	const add = (rel: string | undefined, js: boolean) => {
		if (!rel || seen.has(rel) || !existsSync(join(siteDir, rel))) return;
		seen.add(rel);
		const bytes = readFileSync(join(siteDir, rel));
		gzip += gzipSync(bytes).length;
		// Static imports and re-exports only; `import(` is dynamic.
		if (js)
			for (const m of bytes
				.toString('utf8')
				.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'`]([^"'`]+)["'`]/g)) {
				const spec = m[1]!;
				if (spec.startsWith('/')) add(local(spec), true);
				else if (spec.startsWith('.')) add(new URL(spec, `http://x/${rel}`).pathname.slice(1), true);
			}
	};
	for (const m of html.matchAll(/<link\b[^>]*>/g))
		if (/\brel=["']?stylesheet/.test(m[0])) add(local(/\bhref=["']?([^"' >]+)/.exec(m[0])?.[1] ?? ''), false);
	for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)[^>]*>/g)) add(local(m[1]!), true);
	return gzip;
}
