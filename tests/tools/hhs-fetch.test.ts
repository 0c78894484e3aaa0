/**
 * `npm run fetch:hhs` against a local stand-in for the HHS breach portal: a node:http server on
 * 127.0.0.1 serving pages with the portal's structure as src/tooling/hhs-fetch.ts describes it
 * (front page → list page with an Under Investigation and an Archive tab, each with its results
 * table and "Export as CSV" control, answered by a CSV attachment), in Chromium. Each failure mode
 * is one change to that portal, and each must leave the exports folder exactly as it was.
 *
 * It drives a browser, so it runs in the slow lane, not the in-process unit lane.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../src/tooling/chromium.ts';
import { fetchSnapshot, FetchError, MANIFEST_HEADER, type FetchResult } from '../../src/tooling/hhs-fetch.ts';
import { importSnapshot } from '../../src/tooling/hhs-import.ts';

const FIXTURES = 'tests/fixtures/hhs-ocr/2026-07-01';
const PROSE = 'The entity said a laptop was stolen from a car; words the casebook never copies.';
/** The portal's lists as it exports them: the fixtures, with a web description in one filing. */
const LIST_CSV = {
	investigation: readFileSync(join(FIXTURES, 'breach_report.csv'), 'utf8').replace(/""\n/, `"${PROSE}"\n`),
	archive: readFileSync(join(FIXTURES, 'breach_report_archive.csv'), 'utf8'),
};

/** What a variant of the portal changes. */
interface Portal {
	front?: string;
	frontStatus?: number;
	list?: string;
	/** The answer to an export: a CSV attachment by default. */
	export?: (tab: keyof typeof LIST_CSV) => { status: number; headers: Record<string, string>; body: string };
	csv?: Partial<typeof LIST_CSV>;
}

const FORM = (body: string) =>
	`<!doctype html><html lang="en"><head><title>Breach Portal</title></head><body>
<form id="ocrForm" name="ocrForm" method="post" action="/ocr/breach/breach_report_hip.jsf">
<input type="hidden" name="javax.faces.ViewState" value="-123:456">
<input type="hidden" id="cmd" name="cmd" value="">
${body}
</form>
<script>
function jsfcljs(cmd) { document.getElementById('cmd').value = cmd; document.getElementById('ocrForm').submit(); return false; }
function tab(name) {
	for (const li of document.querySelectorAll('[role=tab]')) li.setAttribute('aria-selected', String(li.dataset.tab === name));
	for (const panel of document.querySelectorAll('[role=tabpanel]')) panel.hidden = panel.dataset.tab !== name;
	return false;
}
</script></body></html>`;

const FRONT_PAGE = FORM(`<h1>Breach Portal</h1>
<p><a href="#" onclick="return jsfcljs('file-hipaa')">File a HIPAA Breach</a></p>
<p><a href="#" onclick="return jsfcljs('view-hipaa')">View HIPAA Breach Reports</a></p>
<p><a href="#" onclick="return jsfcljs('file-part2')">File a 42 CFR Part 2 Breach</a></p>
<p><a href="#" onclick="return jsfcljs('view-part2')">View 42 CFR Part 2 Breach Reports</a></p>`);

const table = (id: string, entity = 'Name of Covered Entity') => `<div id="${id}" class="ui-datatable">
<table><thead><tr><th>${entity}</th><th>State</th><th>Covered Entity Type</th><th>Individuals Affected</th><th>Breach Submission Date</th></tr></thead>
<tbody><tr data-ri="0"><td>Change Healthcare, Inc.</td><td>MN</td><td>Business Associate</td><td>192700000</td><td>07/19/2024</td></tr></tbody></table></div>`;
const exporter = (tab: string) =>
	`<a href="#" onclick="return jsfcljs('export-${tab}')"><img title="Export as CSV" alt="CSV" style="display:inline-block;width:16px;height:16px"></a>`;

const LIST_PAGE = FORM(`<div id="ocrForm:j_idt31" class="ui-tabs">
<ul role="tablist">
<li role="tab" data-tab="investigation" aria-selected="true" onclick="return tab('investigation')"><a href="#">Under Investigation</a></li>
<li role="tab" data-tab="archive" aria-selected="false" onclick="return tab('archive')"><a href="#">Archive</a></li>
</ul>
<div role="tabpanel" data-tab="investigation">${exporter('investigation')}${table('ocrForm:j_idt31:reportResultTable')}</div>
<div role="tabpanel" data-tab="archive" hidden>${exporter('archive')}${table('ocrForm:j_idt31:archiveResultTable:reportResultTable')}</div>
</div>`);

const csvAttachment = (name: string, body: string) => ({
	status: 200,
	headers: { 'content-type': 'text/csv', 'content-disposition': `attachment; filename="${name}"` },
	body,
});

let portal: Portal = {};
let server: Server;
let base: string;
let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'casebook-fetch-'));

beforeAll(async () => {
	server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			const send = (status: number, headers: Record<string, string>, text: string) => {
				response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
				response.end(text);
			};
			const url = new URL(request.url!, 'http://127.0.0.1');
			if (request.method === 'GET' && url.pathname === '/ocr/breach/breach_report.jsf')
				return send(portal.frontStatus ?? 200, {}, portal.front ?? FRONT_PAGE);
			if (request.method === 'POST' && url.pathname === '/ocr/breach/breach_report_hip.jsf') {
				const cmd = new URLSearchParams(body).get('cmd');
				if (cmd === 'view-hipaa') return send(200, {}, portal.list ?? LIST_PAGE);
				const tab = cmd === 'export-archive' ? 'archive' : cmd === 'export-investigation' ? 'investigation' : undefined;
				if (tab) {
					const answer =
						portal.export?.(tab) ??
						csvAttachment(
							tab === 'archive' ? 'breach_report_archive.csv' : 'breach_report.csv',
							portal.csv?.[tab] ?? LIST_CSV[tab],
						);
					return send(answer.status, answer.headers, answer.body);
				}
			}
			send(404, {}, '<!doctype html><title>Not found</title><p>Not found');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	browser = await chromium.launch(chromiumLaunchOptions());
}, 30_000);

afterAll(async () => {
	await browser?.close();
	await new Promise((resolve) => server?.close(resolve));
	rmSync(work, { recursive: true, force: true });
});

let n = 0;
/** A fresh exports folder holding one earlier snapshot and its manifest row. */
function exportsFolder(): string {
	const dir = join(work, `exports-${++n}`);
	cpSync(FIXTURES, join(dir, '2026-07-01'), { recursive: true });
	const manifest = [
		MANIFEST_HEADER.join(','),
		...['breach_report.csv', 'breach_report_archive.csv'].map((f) =>
			[
				'2026-07-01',
				f,
				f.includes('archive') ? 'archive' : 'under-investigation',
				...Array(15).fill(''),
				'fixture',
			].join(','),
		),
	];
	writeFileSync(join(dir, 'MANIFEST.csv'), manifest.join('\r\n') + '\r\n');
	return dir;
}
/** Every folder and file under a folder, with the files' bytes, to prove a failed fetch changed nothing. */
function snapshot(dir: string): Record<string, string> {
	const entries: Record<string, string> = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		const path = join(entry.parentPath, entry.name);
		entries[path] = entry.isFile() ? readFileSync(path, 'latin1') : 'folder';
	}
	return entries;
}

const fetchFrom = (exportsDir: string, url = `${base}/ocr/breach/breach_report.jsf`): Promise<FetchResult> =>
	fetchSnapshot({ url, exportsDir, timeoutMs: 20_000, browser, now: () => new Date('2026-12-06T09:30:00.000Z') });

/** Runs a fetch against a changed portal and returns its error, having checked it wrote nothing. */
async function failure(change: Portal, url?: string): Promise<string> {
	portal = change;
	const dir = exportsFolder();
	const before = snapshot(dir);
	const error = await fetchFrom(dir, url).then(
		() => undefined,
		(e: unknown) => e,
	);
	portal = {};
	expect(error).toBeInstanceOf(FetchError);
	expect(snapshot(dir)).toEqual(before);
	return (error as Error).message;
}

describe('fetch:hhs against a local portal', () => {
	it('downloads both lists into a new snapshot folder and adds their manifest rows', async () => {
		portal = {};
		const dir = exportsFolder();
		const result = await fetchFrom(dir);
		if (!result.written) throw new Error('expected a new snapshot');
		expect(result.folder).toBe(join(dir, '2026-12-06'));
		expect(readdirSync(result.folder).sort()).toEqual(['breach_report.csv', 'breach_report_archive.csv']);
		expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);

		// The archive is the archive, and the prose column is blanked, every other byte kept.
		const archive = readFileSync(join(result.folder, 'breach_report_archive.csv'), 'utf8');
		expect(archive).toBe(LIST_CSV.archive);
		const investigation = readFileSync(join(result.folder, 'breach_report.csv'), 'utf8');
		expect(investigation).not.toContain(PROSE);
		expect(investigation).toBe(LIST_CSV.investigation.replace(`"${PROSE}"`, '""'));

		const manifest = parse(readFileSync(join(dir, 'MANIFEST.csv'), 'utf8'), { columns: true }) as Record<
			string,
			string
		>[];
		expect(manifest).toHaveLength(4);
		const [active, archived] = manifest.slice(2);
		expect(active).toMatchObject({
			folder: '2026-12-06',
			file: 'breach_report.csv',
			list: 'under-investigation',
			rows: '1',
			min_submission: '2024-07-19',
			max_submission: '2024-07-19',
			repo: '',
			commit: '',
			path: '',
			bytes_original: String(Buffer.byteLength(LIST_CSV.investigation)),
			bytes_written: String(Buffer.byteLength(investigation)),
			n_columns: '9',
		});
		expect(active!.sha256_original).toMatch(/^[0-9a-f]{64}$/);
		expect(active!.sha256_original).not.toBe(active!.sha256_written);
		expect(active!.notes).toContain(
			`fetched by npm run fetch:hhs from ${base}/ocr/breach/breach_report.jsf at 2026-12-06T09:30:00Z`,
		);
		expect(active!.notes).toContain("'Web Description' (1 non-empty cells)");
		expect(archived).toMatchObject({
			folder: '2026-12-06',
			file: 'breach_report_archive.csv',
			list: 'archive',
			rows: '7',
		});
		expect(archived!.sha256_original).toBe(archived!.sha256_written);
		// The manifest keeps its line endings.
		expect(readFileSync(join(dir, 'MANIFEST.csv'), 'utf8').split('\r\n')).toHaveLength(6);

		// The importer takes the new folder as a snapshot.
		const imported = importSnapshot([result.folder], { dir: join(dir, 'register') });
		expect(imported.report!.added.length).toBeGreaterThan(0);

		// The same lists again: nothing is written, and the run says since when they are unchanged.
		const before = snapshot(dir);
		expect(await fetchFrom(dir)).toEqual({ written: false, unchangedSince: '2026-12-06' });
		expect(snapshot(dir)).toEqual(before);

		// Changed lists on the same day: a second folder beside the first.
		portal = { csv: { archive: LIST_CSV.archive.replace('"775860"', '"775861"') } };
		const again = await fetchFrom(dir);
		portal = {};
		expect(again.written && again.folder).toBe(join(dir, '2026-12-06-b'));
	});

	it('fails when the portal cannot be reached', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		expect(await failure({}, `http://127.0.0.1:${port}/ocr/breach/breach_report.jsf`)).toMatch(
			/the portal could not be reached \(.*ERR_CONNECTION_REFUSED/,
		);
	});

	it('fails when the portal answers with an HTTP error', async () => {
		expect(await failure({ frontStatus: 503, front: '<title>Down</title>' })).toMatch(/answered HTTP 503/);
	});

	it('fails when the front page is not the 2026 one (the list shown directly, as before 2026)', async () => {
		expect(await failure({ front: LIST_PAGE })).toMatch(
			/the front page has no "View HIPAA Breach Reports" link \(.*links seen: "Under Investigation", "Archive"\)/,
		);
	});

	it('fails when the list page has no results table', async () => {
		expect(await failure({ list: LIST_PAGE.replaceAll('reportResultTable', 'resultGrid') })).toMatch(
			/the Under Investigation list has no results table \(expected an element whose id ends in reportListTable or reportResultTable/,
		);
	});

	it('fails when the list is not the HIPAA one', async () => {
		const part2 = LIST_PAGE.replaceAll('Name of Covered Entity', 'Name of Part 2 Program');
		expect(await failure({ list: part2 })).toMatch(/has no "Name of Covered Entity" column \(expected the HIPAA list/);
	});

	it('fails when the "Export as CSV" control is missing', async () => {
		expect(await failure({ list: LIST_PAGE.replaceAll('Export as CSV', 'Export as XLS') })).toMatch(
			/the Under Investigation list has no "Export as CSV" control/,
		);
	});

	it('fails when the Archive tab is missing', async () => {
		expect(await failure({ list: LIST_PAGE.replace('>Archive</a>', '>Older reports</a>') })).toMatch(
			/the list page has no "Archive" tab or button/,
		);
	});

	it('fails when an export answers with an HTML error page instead of CSV', async () => {
		const page =
			'<!doctype html><html><head><title>Error</title></head><body><h1>An error occurred</h1><p>ViewExpiredException</p></body></html>';
		expect(await failure({ export: () => ({ status: 500, headers: {}, body: page }) })).toMatch(
			/"Export as CSV" on the Under Investigation list answered with a page instead of a CSV file \("Error": "An error occurred/,
		);
		expect(await failure({ export: () => csvAttachment('breach_report.csv', page) })).toMatch(
			/the Under Investigation download \(breach_report\.csv\) is an HTML page, not CSV/,
		);
	});

	it('fails when the Archive export is the Under Investigation list again', async () => {
		expect(await failure({ csv: { archive: LIST_CSV.investigation } })).toMatch(
			/byte-identical .*did not switch the list/,
		);
	});

	it('fails, naming file, line and column, when the importer would refuse an export', async () => {
		const broken = LIST_CSV.archive.replace('"06/27/2024"', '"2024-06-27"');
		expect(await failure({ csv: { archive: broken } })).toMatch(
			/the importer would refuse the portal's exports \(1 problem\):\n {2}breach_report_archive\.csv:2: column 5 \(Breach Submission Date\): "2024-06-27" is not a date as this file writes them \(expected MM\/DD\/YYYY.*\(downloaded as breach_report_archive\.csv\)/,
		);
		expect(await failure({ csv: { investigation: 'Name,State\nAcme,CA\n' } })).toMatch(
			/breach_report\.csv: refused: line 1: no reader accepts its header \(closest: "short-titles": has 2 columns; missing "Entity"/,
		);
	});

	it('as npm run fetch:hhs, prints only the new folder, and fails with exit code 1 and the reason', async () => {
		const run = promisify(execFile);
		const dir = exportsFolder();
		const url = `${base}/ocr/breach/breach_report.jsf`;
		const ok = await run('npm', ['run', '--silent', 'fetch:hhs', '--', '--url', url, '--exports', dir]);
		expect(ok.stdout).toMatch(new RegExp(`^${dir}/\\d{4}-\\d{2}-\\d{2}\\n$`));
		expect(ok.stderr).toMatch(/✓ .* written, and its rows added to the manifest/);

		const nowhere = join(dir, 'nowhere');
		const failed = await run('npm', ['run', '--silent', 'fetch:hhs', '--', '--url', url, '--exports', nowhere]).catch(
			(error: { code: number; stdout: string; stderr: string }) => error,
		);
		expect(failed).toMatchObject({ code: 1, stdout: '' });
		expect(failed.stderr).toMatch(/^✗ fetch failed, nothing written: .*nowhere\/MANIFEST\.csv: missing/m);
	});
});
