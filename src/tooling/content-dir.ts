import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../lib/casebook/frontmatter.ts';

/** The content folder: `content`, or `$CONTENT_DIR` for tests and benchmarks. */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
	return env.CONTENT_DIR?.replace(/\/+$/, '') || './content';
}

/** Where the write-ups are read from: `content/incidents`, or `$CONTENT_DIR/incidents`. */
export const incidentsDir = (env: Record<string, string | undefined> = process.env) => `${contentRoot(env)}/incidents`;

/** Where the HHS breach register is kept: `content/register`. */
export const registerDir = (env: Record<string, string | undefined> = process.env) => `${contentRoot(env)}/register`;

/** The editors' list of organization aliases: `content/organizations.yaml`. */
export const organizationsFile = (env: Record<string, string | undefined> = process.env) =>
	`${contentRoot(env)}/organizations.yaml`;

/** Every `.mdx` file below a folder, sorted, as paths relative to the working directory. */
export function listWriteUps(dir: string, cwd = process.cwd()): string[] {
	const found: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith('.mdx')) found.push(relative(cwd, full).split(sep).join('/'));
		}
	};
	walk(dir);
	return found;
}

/** Former slugs (`redirectFrom`) of every write-up, read from the frontmatter alone: the sitemap leaves their redirect pages out. */
export function redirectSlugs(env: Record<string, string | undefined> = process.env): Set<string> {
	const found = new Set<string>();
	for (const file of listWriteUps(incidentsDir(env))) {
		const text = readFileSync(file, 'utf8');
		// Most write-ups have no former slug: skip parsing them (this runs at every config load).
		if (!text.includes('redirectFrom:')) continue;
		const split = splitFrontmatter(text);
		try {
			const redirects =
				typeof split === 'object' ? (parse(split.yaml) as { redirectFrom?: unknown })?.redirectFrom : undefined;
			if (Array.isArray(redirects)) for (const slug of redirects) if (typeof slug === 'string') found.add(slug);
		} catch {
			// An invalid write-up is reported by the check; the sitemap need not.
		}
	}
	return found;
}
