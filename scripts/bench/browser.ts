/**
 * Measurements in Chromium against the built site served by scripts/serve.ts (nginx, gzip on):
 * per query, the Pagefind requests and bytes and the time from typing to rendered results on
 * /search/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Request } from '@playwright/test';
import { chromiumLaunchOptions } from '../../src/tooling/chromium.ts';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface Server {
	url: string;
	stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Never leave nginx behind, even when the harness fails.
process.on('exit', () => {
	for (const child of running) child.kill('SIGTERM');
});

/** Starts `node scripts/serve.ts --port P --dir DIR` and waits until it answers. */
export async function serve(
	projectRoot: string,
	dir: string,
	base: string,
	log: (line: string) => void,
): Promise<Server> {
	const port = await freePort();
	const child = spawn(process.execPath, ['scripts/serve.ts', '--port', String(port), '--dir', dir], {
		cwd: projectRoot,
		env: process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	child.stdout!.on('data', (d: Buffer) => log(d.toString().trim()));
	child.stderr!.on('data', (d: Buffer) => log(d.toString().trim()));
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	const url = `http://127.0.0.1:${port}${base}`;
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		running.delete(child);
	};
	for (let i = 0; i < 100; i++) {
		if (child.exitCode !== null) throw new Error(`serve.ts exited with ${child.exitCode}`);
		try {
			const res = await fetch(url);
			if (res.ok) return { url, stop };
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	await stop();
	throw new Error(`serve.ts did not answer at ${url}`);
}

export async function launchChromium(): Promise<Browser> {
	// The browser readers run, not the tests' headless shell: these are readers' timings.
	return chromium.launch(chromiumLaunchOptions('full'));
}

/** Records every request of a context with its phase (set by the caller) and its body's transferred size. */
function recordRequests(context: BrowserContext) {
	const list: { url: string; phase: string; bodyBytes: number }[] = [];
	const byRequest = new Map<Request, (typeof list)[number]>();
	const pending: Promise<unknown>[] = [];
	const state = { phase: 'load' };
	context.on('request', (request) => {
		const entry = { url: request.url(), phase: state.phase, bodyBytes: 0 };
		list.push(entry);
		byRequest.set(request, entry);
	});
	context.on('requestfinished', (request) => {
		const entry = byRequest.get(request);
		if (entry)
			pending.push(
				request.sizes().then(
					(s) => (entry.bodyBytes = s.responseBodySize),
					() => undefined,
				),
			);
	});
	return { list, state, settle: () => Promise.all(pending) };
}

/** Results on the first page of /search/ (PAGE_SIZE in src/scripts/search-page.ts). */
const RESULTS_PAGE_SIZE = 10;

/** The kind of a Pagefind file, from its path. */
function pagefindKind(url: string): string {
	const path = new URL(url).pathname;
	if (path.includes('/pagefind/index/')) return 'index';
	if (path.includes('/pagefind/fragment/')) return 'fragment';
	if (path.includes('/pagefind/filter/')) return 'filter';
	return 'other';
}

/** Opens /search/ in a fresh context, waits for the unfiltered listing, types `query` and measures. */
export async function runQuery(browser: Browser, siteUrl: string, query: string) {
	const context = await browser.newContext();
	const rec = recordRequests(context);
	const page = await context.newPage();
	await page.goto(`${siteUrl}search/`);
	// Ready: the unfiltered count is shown, e.g. "1,000 case studies" or "60 case studies and 7,808 filings".
	await page.waitForFunction(() => /^[\d,]+ /.test(document.querySelector('#search-status')?.textContent ?? ''), null, {
		timeout: 120_000,
	});
	await page.waitForLoadState('networkidle');
	rec.state.phase = 'query';
	const result = await page.evaluate(
		({ q, pageSize }) =>
			new Promise<{ ms: number; msPage: number; count: number }>((resolve, reject) => {
				const input = document.querySelector<HTMLInputElement>('#search-q')!;
				const status = document.querySelector<HTMLElement>('#search-status')!;
				const list = document.querySelector<HTMLElement>('#search-results')!;
				let startedAt = 0;
				let first: { at: number; count: number } | undefined;
				const timeout = setTimeout(() => reject(new Error(`no results for ${q}: ${status.textContent}`)), 60_000);
				// Measured at the next frame after the DOM change, when the browser paints it.
				const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
				const complete = () => !!first && (first.count <= 0 || list.children.length >= Math.min(first.count, pageSize));
				let done = false;
				const finish = (pageAt: number) => {
					if (done || !first) return;
					done = true;
					observer.disconnect();
					clearTimeout(timeout);
					resolve({ ms: first.at - startedAt, msPage: pageAt - startedAt, count: first.count });
				};
				const check = async () => {
					const text = status.textContent ?? '';
					const failed = text.startsWith('Search could not load');
					if (!first && (text.includes(`“${q}”`) || failed)) {
						// The first result is drawn with the count (src/scripts/search-page.ts).
						// "3 case studies and 12 filings for …": every count before the query, added up.
						const counts = text.split(' for “')[0]!.match(/[\d,]+/g) ?? [];
						const count = failed ? -1 : counts.reduce((sum, c) => sum + Number(c.replaceAll(',', '')), 0);
						first = { at: 0, count };
						const wholePage = complete();
						first.at = await frame();
						// A page of one result is whole as soon as its first result is drawn.
						if (wholePage) return finish(first.at);
					}
					if (first?.at && complete()) finish(await frame());
				};
				const observer = new MutationObserver(() => void check());
				observer.observe(status, { childList: true, characterData: true, subtree: true });
				observer.observe(list, { childList: true });
				input.focus();
				startedAt = performance.now();
				input.value = q;
				input.dispatchEvent(new Event('input', { bubbles: true }));
			}),
		{ q: query, pageSize: RESULTS_PAGE_SIZE },
	);
	await page.waitForLoadState('networkidle');
	await rec.settle();
	await context.close();
	const pf = rec.list.filter((r) => r.url.includes('/pagefind/'));
	const after = pf.filter((r) => r.phase === 'query');
	const queryByKind: Record<string, { requests: number; bytes: number }> = {};
	for (const r of after) {
		const k = (queryByKind[pagefindKind(r.url)] ??= { requests: 0, bytes: 0 });
		k.requests++;
		k.bytes += r.bodyBytes;
	}
	return {
		/** Typing (the input event) to the count and the first result drawn (next frame); includes the page's 50 ms typing pause. */
		msToResults: Math.round(result.ms),
		/** Typing to the whole first page of results (or all, when fewer) drawn. */
		msToPage: Math.round(result.msPage),
		resultCount: result.count,
		/** Requests to /pagefind/ after typing, their compressed bytes (bodies), and the same by file kind. */
		queryRequests: after.length,
		queryBytes: after.reduce((s, r) => s + r.bodyBytes, 0),
		queryByKind,
		/** Including the load of Pagefind (script, WebAssembly, metadata, filters, the unfiltered listing). */
		totalRequests: pf.length,
		totalBytes: pf.reduce((s, r) => s + r.bodyBytes, 0),
	};
}

export type QueryRun = Awaited<ReturnType<typeof runQuery>>;
