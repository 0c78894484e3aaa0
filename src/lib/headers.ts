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

/** nginx `location` blocks serving the site under `base` with the same headers (nginx does not inherit add_header into a location that sets its own). */
export function nginxLocations(rules: readonly HeaderRule[], base: string): string {
	const global = rules.find((r) => r.pattern === '/*')?.headers ?? [];
	const add = (headers: [string, string][]) =>
		headers.map(([n, v]) => `\t\tadd_header ${n} ${quote(v)} always;`).join('\n');
	const blocks = rules
		.filter((r) => r.pattern !== '/*')
		.map((r) => {
			const prefix = `${base}${r.pattern.replace(/^\//, '').replace(/\*$/, '')}`;
			return `\tlocation ^~ ${prefix} {\n${add([...global, ...r.headers])}\n\t\ttry_files $uri $uri/ $uri.html =404;\n\t}`;
		});
	return [`\tlocation ${base} {\n${add(global)}\n\t\ttry_files $uri $uri/ $uri.html =404;\n\t}`, ...blocks].join('\n');
}
