import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { normalizeBase } from '../../src/lib/urls.ts';
import { filesUnder, routePages, samplePages } from './helpers.ts';

/**
 * The W3C Nu HTML checker, the reference validator, over every page of dist/ but for a fixed
 * sample of the register's filing and organization pages, as html-validate (one JVM for all of
 * them), beside html-validate: it knows the ARIA-in-HTML rules and the parser's fatal errors that
 * html-validate misses. Needs Java (`apt-get install default-jre-headless`; .ci/run installs it).
 */
const vnuJar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

/**
 * One short run of the checker on this machine's two cores: the JVM's serial collector and its
 * quick compiler only (C1) did the same work on 952 pages in 8.5 s of CPU against 20.1 s with the
 * defaults, and gave the same report byte for byte. C1's larger stack frames need the thread stack
 * that the checker's schema recursion asks for.
 */
const JVM_OPTIONS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss16m'];

// The checker reads the pages as file: URLs, where the CSP's 'self' matches no http origin, so it
// reports every same-origin script and stylesheet, and the JSON-LD data blocks (which browsers
// never execute) as blocked. Real CSP violations fail every browser test (tests/e2e/fixtures.ts).
const FILE_URL_ARTIFACTS = [
	/^Resource violates Content Security Policy \(meta tag\): external (script|stylesheet) “\/[^”]*” blocked by “(script|style)-src” directive\.$/,
	/^Inline script violates Content Security Policy \(meta tag\)/,
];

interface NuMessage {
	type: 'error' | 'info' | 'non-document-error';
	subType?: 'warning' | 'fatal';
	url?: string;
	lastLine?: number;
	message: string;
}

/**
 * Under a sub-path (`npm run test:subpath`) what is under test is what the base path changes: the
 * addresses a page writes, which come from its template. There the checker reads the first and the
 * last page of every route and one of each register template; at the root, every page.
 */
const underBase = normalizeBase(process.env.BASE_PATH) !== '/';

test(
	underBase
		? 'the Nu HTML checker reports no error and no warning in a page of every route under the base path'
		: 'the Nu HTML checker reports no error and no warning in any page of dist/',
	{ tag: '@base' },
	async () => {
		test.setTimeout(180_000);
		const dist = process.env.E2E_DIST ?? 'dist';
		const pages = filesUnder(dist)
			.filter((f) => f.endsWith('.html'))
			.map((f) => f.replace(/index\.html$/, ''))
			.sort();
		const files = (underBase ? routePages(pages) : samplePages(pages)).map((p) =>
			join(dist, p.endsWith('.html') ? p : `${p}index.html`),
		);
		let output: string;
		try {
			// The checker exits 1 when it finds anything; its report is on stderr either way.
			const run = await promisify(execFile)('java', [...JVM_OPTIONS, '-jar', vnuJar, '--format', 'json', ...files], {
				maxBuffer: 64 * 1024 * 1024,
			});
			output = run.stderr;
		} catch (error) {
			const e = error as { code?: string | number; stderr?: string };
			if (e.code === 'ENOENT')
				throw new Error('The Nu HTML checker needs Java: apt-get install -y default-jre-headless');
			output = e.stderr ?? '';
		}
		const { messages } = JSON.parse(output) as { messages: NuMessage[] };
		const problems = messages
			.filter((m) => m.type !== 'info' || m.subType === 'warning')
			.filter((m) => !FILE_URL_ARTIFACTS.some((re) => re.test(m.message)))
			.map(
				(m) => `${m.url?.replace(/^.*?\/dist[^/]*\//, '')}:${m.lastLine ?? ''} ${m.subType ?? m.type}: ${m.message}`,
			);
		expect(problems.slice(0, 40)).toEqual([]);
		// The pages were read: the artifacts above are reported once per page at least.
		expect(files.length).toBeGreaterThan(underBase ? 40 : 100);
		expect(messages.length).toBeGreaterThan(files.length);
	},
);
