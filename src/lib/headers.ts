/**
 * The site's HTTP headers, read from `public/_headers` (Netlify and Cloudflare Pages format), so
 * that one file drives those hosts, the CSP <meta> for hosts without headers, and nginx.
 */

/** Headers that apply to a path pattern such as `/*` or `/_astro/*`. */
export interface HeaderRule {
	pattern: string;
	headers: [string, string][];
}

/** Parses the `_headers` format: a path line, then indented `Name: value` lines. */
export function parseHeaders(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const line of text.split(/\r?\n/)) {
		if (line.trim() === '' || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			rules.push({ pattern: line.trim(), headers: [] });
			continue;
		}
		const rule = rules.at(-1);
		const colon = line.indexOf(':');
		if (!rule || colon < 0) throw new Error(`_headers: "${line.trim()}" is not under a path or has no colon`);
		rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
	}
	return rules;
}

/** The Content-Security-Policy of `/*`. */
export function contentSecurityPolicy(rules: readonly HeaderRule[]): string {
	const csp = rules
		.find((r) => r.pattern === '/*')
		?.headers.find(([name]) => name.toLowerCase() === 'content-security-policy');
	if (!csp) throw new Error('_headers: no Content-Security-Policy for /*');
	return csp[1];
}

/** The policy for a <meta> element: browsers ignore frame-ancestors there (and warn), so it is left out. */
export function metaContentSecurityPolicy(policy: string): string {
	return policy
		.split(';')
		.map((d) => d.trim())
		.filter((d) => d && !/^(frame-ancestors|report-uri|report-to|sandbox)\b/.test(d))
		.join('; ');
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * A rule's path pattern as a regular expression over request paths under `base`: `*` matches
 * anything, as on Netlify and Cloudflare Pages; a pattern that ends in `/` names a folder, which
 * is served by its `index.html`.
 */
export function patternRegExp(pattern: string, base = '/'): RegExp {
	return new RegExp(patternSource(pattern, base));
}

function patternSource(pattern: string, base: string): string {
	const path = `${base}${pattern.replace(/^\//, '')}`;
	const body = path
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return `^${body}${path.endsWith('/') ? '(index\\.html)?' : ''}$`;
}

/**
 * The headers a host sends for `path` (under `/`): each from the rule that matches and sets it.
 * Netlify gives the later rule's value where two set one header and Cloudflare Pages joins both,
 * so `_headers` never lets two rules that match one path set the same header (see headers.test.ts).
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const rule of rules) if (patternRegExp(rule.pattern).test(path)) for (const [n, v] of rule.headers) out[n] = v;
	return out;
}

/** The header a rule sets as the response's media type: hosts and nginx serve it in place of the one the extension gives. */
const CONTENT_TYPE = 'content-type';
const variable = (name: string) => `$casebook_${name.toLowerCase().replace(/-/g, '_')}`;

/**
 * nginx configuration serving the site under `base` with the headers of `rules`, in two parts: `http`
 * (one `map` per header, from the request path to its value, for the `http {}` block) and `server`
 * (the `add_header` lines and `location`s, for the `server {}` block). nginx sends no header whose
 * value is empty, so each path gets exactly the headers its rules give it, as on the hosts that read
 * `_headers`; the media type a rule sets is the location's `default_type`.
 */
export function nginxConfig(rules: readonly HeaderRule[], base: string): { http: string; server: string } {
	const names = [...new Set(rules.flatMap((r) => r.headers.map(([n]) => n)))].filter(
		(n) => n.toLowerCase() !== CONTENT_TYPE,
	);
	// $uri is the path as served, after try_files (a folder's index.html); the last rule wins, as on Netlify.
	const maps = names.map((name) => {
		const lines = rules
			.flatMap((r) => r.headers.filter(([n]) => n === name).map(([, v]) => [r.pattern, v] as const))
			.reverse()
			.map(([pattern, value]) => `\t${quote(`~${patternSource(pattern, base)}`)} ${quote(value)};`);
		return `map $uri ${variable(name)} {\n\tdefault "";\n${lines.join('\n')}\n}`;
	});
	const serve = '\t\ttry_files $uri $uri/ $uri.html =404;';
	const typed = rules.flatMap((r) =>
		r.headers
			.filter(([n]) => n.toLowerCase() === CONTENT_TYPE)
			.map(([, type]) => {
				const path = `${base}${r.pattern.replace(/^\//, '')}`;
				// A folder (`/schema/*`), one file (`/rss.xml`), or a pattern (`/*/feed.xml`), as a regular expression.
				const where = !path.includes('*')
					? `= ${path}`
					: path.indexOf('*') === path.length - 1
						? `^~ ${path.slice(0, -1)}`
						: `~ ${quote(patternSource(r.pattern, base))}`;
				return `\tlocation ${where} {\n\t\ttypes { }\n\t\tdefault_type ${quote(type)};\n${serve}\n\t}`;
			}),
	);
	return {
		http: maps.join('\n'),
		server: [
			...names.map((name) => `\tadd_header ${name} ${variable(name)} always;`),
			`\tlocation ${base} {\n${serve}\n\t}`,
			...typed,
		].join('\n'),
	};
}
