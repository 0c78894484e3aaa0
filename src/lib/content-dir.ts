/** Where the write-ups are read from: `content/incidents`, or `$CONTENT_DIR/incidents` for tests and benchmarks. */
export function incidentsDir(env: Record<string, string | undefined> = process.env): string {
	const root = env.CONTENT_DIR?.replace(/\/+$/, '') || './content';
	return `${root}/incidents`;
}

/** Former slugs (`redirectFrom`) of every write-up, read from the frontmatter alone: the sitemap leaves their redirect pages out. */
export async function redirectSlugs(env: Record<string, string | undefined> = process.env): Promise<Set<string>> {
	const { readdirSync, readFileSync, statSync } = await import('node:fs');
	const { join } = await import('node:path');
	const { parse } = await import('yaml');
	const found = new Set<string>();
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith('.mdx')) {
				const text = readFileSync(full, 'utf8');
				// Most write-ups have no former slug: skip parsing them (this runs at every config load).
				if (!text.includes('redirectFrom:')) continue;
				const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
				try {
					const redirects = match ? (parse(match[1]!) as { redirectFrom?: unknown })?.redirectFrom : undefined;
					if (Array.isArray(redirects)) for (const slug of redirects) if (typeof slug === 'string') found.add(slug);
				} catch {
					// An invalid write-up is reported by the check; the sitemap need not.
				}
			}
		}
	};
	walk(incidentsDir(env));
	return found;
}
