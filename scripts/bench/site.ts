/**
 * Figures read from a built site on disk: size and file count of the output and of the Pagefind
 * index, and the compressed weight of a case page computed from the files it references.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface DirStats {
	bytes: number;
	files: number;
	htmlFiles: number;
}

export function dirStats(dir: string): DirStats {
	const stats: DirStats = { bytes: 0, files: 0, htmlFiles: 0 };
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const full = join(d, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.isFile()) {
				stats.files++;
				stats.bytes += statSync(full).size;
				if (entry.name.endsWith('.html')) stats.htmlFiles++;
			}
		}
	};
	if (existsSync(dir)) walk(dir);
	return stats;
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

export interface PageWeight {
	path: string;
	/** Every file the page loads without search being opened, with raw and gzip sizes. */
	files: { path: string; kind: 'html' | 'css' | 'js'; raw: number; gzip: number }[];
	raw: number;
	gzip: number;
	byKind: Record<'html' | 'css' | 'js', { raw: number; gzip: number }>;
}

/**
 * Weight of one page (`path` from the site's root, e.g. `register/<id>/`), computed from disk: the HTML, its stylesheets, its scripts and the
 * modules those import statically (dynamic `import()`, e.g. Pagefind, is left out: it only loads
 * when search is used). gzip at Node's default level (6).
 */
export function staticPageWeight(siteDir: string, path: string, base = '/'): PageWeight {
	const htmlPath = join(siteDir, path, 'index.html');
	const html = readFileSync(htmlPath, 'utf8');
	const files: PageWeight['files'] = [];
	const seen = new Set<string>();
	const local = (url: string): string | undefined => {
		if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return undefined;
		const path = url.split(/[?#]/)[0]!;
		return path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
	};
	const add = (rel: string, kind: 'css' | 'js') => {
		if (seen.has(rel)) return;
		seen.add(rel);
		const full = join(siteDir, rel);
		if (!existsSync(full)) return;
		const bytes = readFileSync(full);
		files.push({ path: rel, kind, raw: bytes.length, gzip: gzipSync(bytes).length });
		if (kind === 'js') {
			const text = bytes.toString('utf8');
			// Static imports and re-exports only; `import(` is dynamic.
			for (const m of text.matchAll(
				/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'`]([^"'`]+)["'`]/g,
			)) {
				const spec = m[1]!;
				if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
				const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
				const resolved = spec.startsWith('/') ? local(spec) : new URL(spec, `http://x/${dir}`).pathname.slice(1);
				if (resolved) add(resolved, 'js');
			}
		}
	};
	files.push({
		path: `${path}index.html`,
		kind: 'html',
		raw: Buffer.byteLength(html),
		gzip: gzipSync(html).length,
	});
	for (const m of html.matchAll(/<link\b[^>]*>/g)) {
		const tag = m[0];
		if (!/\brel=["']?stylesheet/.test(tag)) continue;
		const href = /\bhref=["']?([^"' >]+)/.exec(tag)?.[1];
		const rel = href && local(href);
		if (rel) add(rel, 'css');
	}
	for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)[^>]*>/g)) {
		const rel = local(m[1]!);
		if (rel) add(rel, 'js');
	}
	const byKind = { html: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 }, js: { raw: 0, gzip: 0 } };
	for (const f of files) {
		byKind[f.kind].raw += f.raw;
		byKind[f.kind].gzip += f.gzip;
	}
	return {
		path,
		files,
		raw: files.reduce((s, f) => s + f.raw, 0),
		gzip: files.reduce((s, f) => s + f.gzip, 0),
		byKind,
	};
}

/** Files and bytes per top-level entry of a built site, largest first. */
export function outputBreakdown(dir: string): { path: string; files: number; bytes: number }[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.map((entry) => {
			const full = join(dir, entry.name);
			if (entry.isDirectory()) {
				const s = dirStats(full);
				return { path: `${entry.name}/`, files: s.files, bytes: s.bytes };
			}
			return { path: entry.name, files: 1, bytes: statSync(full).size };
		})
		.sort((a, b) => b.bytes - a.bytes);
}
