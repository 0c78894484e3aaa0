/**
 * `npm run fetch:hhs`: downloads both of the HHS breach portal's lists as CSV, the way a person
 * would, in Chromium, and adds them to `exports/hhs-ocr/` as a new snapshot folder with its rows in
 * `MANIFEST.csv`. Anything unexpected (the portal unreachable, a page that is not the one described
 * below, a download that is not an export the importer reads) stops it with a FetchError before a
 * single file is written.
 *
 * The portal's structure, as this code expects it. Sources: the portal's own front page as it
 * reads since 2026 ("File a HIPAA Breach", "View HIPAA Breach Reports", then the same pair for
 * 42 CFR Part 2 breaches; https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf), and public
 * scrapers of it written in 2026 that record the JSF/PrimeFaces markup (the front page's Mojarra
 * command link, the list page breach_report_hip.jsf with its TabView of "Under Investigation" and
 * "Archive", the exporters above the table, the CSV answered as an attachment named
 * breach_report.csv). Older scrapers name the results table `reportForm:reportListTable`; later
 * ones see `ocrForm:reportResultTable`; both end the same way and both are accepted, since
 * Mojarra's generated ids (`j_idt39`) drift between deployments and are never relied on.
 *
 *   1. The entry URL shows the front page: a link "View HIPAA Breach Reports". (Before 2026 it
 *      showed the list itself; that page is refused, since it may now be another list.)
 *   2. That link leads to the list page: a results table whose id ends in `reportListTable` or
 *      `reportResultTable`, with a column "Name of Covered Entity" (the HIPAA list, not the Part 2
 *      one), with a control titled "Export as CSV" above it. Its default view is the list of
 *      breaches under investigation.
 *   3. An "Archive" tab (or button) switches the table to the archive, with its own
 *      "Export as CSV".
 *   4. Each "Export as CSV" answers with a file download (not a page).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { HHS_FILES, HHS_PORTAL_URL, readExport, type HHS_COLUMNS } from '../lib/register/read-hhs-export.ts';
import { EXPORTS_DIR, MANIFEST_FILE } from './hhs-import.ts';

/** Where the project keeps the portal's exports, one folder per snapshot, and their manifest (the importer's). */
export { EXPORTS_DIR, MANIFEST_FILE };

/** The manifest's header: every column, in order (exports/hhs-ocr/README.md describes them). */
export const MANIFEST_HEADER = [
	'folder',
	'file',
	'list',
	'rows',
	'min_submission',
	'max_submission',
	'repo',
	'commit',
	'path',
	'commit_date',
	'blob_first_commit_date',
	'git_blob',
	'sha256_original',
	'sha256_written',
	'bytes_original',
	'bytes_written',
	'n_columns',
	'columns',
	'notes',
] as const;
export type ManifestRecord = Record<(typeof MANIFEST_HEADER)[number], string>;

/** A fetch that cannot go ahead; its message says what was expected and what was found. */
export class FetchError extends Error {}

/** The two lists, in the order they are downloaded, under the file names the importer reads. */
const LISTS = [
	{ file: 'breach_report.csv', view: 'Under Investigation', list: 'under-investigation' },
	{ file: 'breach_report_archive.csv', view: 'Archive', list: 'archive' },
] as const;

/** One list as downloaded. */
export interface DownloadedList {
	list: (typeof LISTS)[number];
	bytes: Buffer;
	/** The name the portal gave the download. */
	suggestedName: string;
}

const FRONT_PAGE_LINK = /View HIPAA Breach Reports/i;
const RESULTS_TABLE = '[id$="reportListTable"], [id$="reportResultTable"]';
const EXPORT_CSV = '[title="Export as CSV"], [alt="Export as CSV"]';

/** Drives Chromium through the portal and returns both lists, or throws a FetchError. */
export async function downloadLists(options: {
	url: string;
	/** How long each step may take; the real portal is slow, a local server is not. */
	timeoutMs: number;
	/** A browser to reuse (the tests share one); otherwise Chromium is launched and closed here. */
	browser?: Browser;
	progress?: (line: string) => void;
}): Promise<DownloadedList[]> {
	const progress = options.progress ?? (() => {});
	const browser = options.browser ?? (await launchChromium());
	const context = await browser.newContext({ acceptDownloads: true });
	try {
		const page = await context.newPage();
		page.setDefaultTimeout(options.timeoutMs);
		progress(`Opening ${options.url}…`);
		let response;
		try {
			response = await page.goto(options.url, { waitUntil: 'domcontentloaded', timeout: options.timeoutMs });
		} catch (error) {
			throw new FetchError(`${options.url}: the portal could not be reached (${firstLine(error)})`);
		}
		if (response && !response.ok())
			throw new FetchError(`${options.url}: the portal answered HTTP ${response.status()} ${response.statusText()}`);

		// A JSF command link today (<a href="#" onclick="mojarra.jsfcljs(…)">); a button would do as well.
		const link = page
			.getByRole('link', { name: FRONT_PAGE_LINK })
			.or(page.getByRole('button', { name: FRONT_PAGE_LINK }));
		if ((await link.count()) === 0) {
			const seen = await visibleLinks(page);
			throw new FetchError(
				`${page.url()}: the front page has no "View HIPAA Breach Reports" link (expected the portal's front page as it reads since 2026; links seen: ${seen || 'none'}). The portal has changed: see src/tooling/hhs-fetch.ts.`,
			);
		}
		progress('Following "View HIPAA Breach Reports"…');
		// The link is a JSF command link: it posts the front page's form and loads the list page.
		await Promise.all([
			page.waitForEvent('load', { timeout: options.timeoutMs }).catch(() => {
				throw new FetchError(
					`${page.url()}: "View HIPAA Breach Reports" loaded no page within ${options.timeoutMs / 1000} s.`,
				);
			}),
			link.first().click(),
		]);
		const downloads: DownloadedList[] = [];
		for (const list of LISTS) {
			if (list.view === 'Archive') await openArchive(page, options.timeoutMs);
			const table = await resultsTable(page, list.view);
			const control = page.locator(EXPORT_CSV).filter({ visible: true });
			if ((await control.count()) === 0)
				throw new FetchError(
					`${page.url()}: the ${list.view} list has no "Export as CSV" control above its results table (expected an element titled "Export as CSV"). The portal has changed: see src/tooling/hhs-fetch.ts.`,
				);
			progress(`Exporting the ${list.view} list (${await rowsShown(table)})…`);
			const download = await exportDownload(page, control.first(), list.view, options.timeoutMs);
			downloads.push({ list, ...download });
		}
		if (downloads[0]!.bytes.equals(downloads[1]!.bytes))
			throw new FetchError(
				`${page.url()}: the Archive export is byte-identical to the Under Investigation export (the "Archive" control did not switch the list).`,
			);
		return downloads;
	} finally {
		await context.close();
		if (!options.browser) await browser.close();
	}
}

/** Chromium as the project launches it; loaded on demand, so that the blanking and the manifest cost no browser. */
async function launchChromium(): Promise<Browser> {
	const [{ chromium }, { chromiumLaunchOptions }] = await Promise.all([
		import('@playwright/test'),
		import('./chromium.ts'),
	]);
	try {
		return await chromium.launch(chromiumLaunchOptions());
	} catch (error) {
		throw new FetchError(`Chromium could not be started: ${(error as Error).message}`);
	}
}

/** The visible results table of the HIPAA list, or a FetchError naming what is missing. */
async function resultsTable(page: Page, view: string): Promise<Locator> {
	const table = page.locator(RESULTS_TABLE).filter({ visible: true }).first();
	if ((await table.count()) === 0)
		throw new FetchError(
			`${page.url()}: the ${view} list has no results table (expected an element whose id ends in reportListTable or reportResultTable; page title: ${JSON.stringify(await page.title())}). The portal has changed: see src/tooling/hhs-fetch.ts.`,
		);
	const header = (await table.locator('th').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
	if (!header.some((title) => title.includes('Name of Covered Entity')))
		throw new FetchError(
			`${page.url()}: the ${view} results table has no "Name of Covered Entity" column (expected the HIPAA list, not the 42 CFR Part 2 one; columns: ${header.join(' | ') || 'none'}).`,
		);
	return table;
}

/** Switches the list page to its archive: a PrimeFaces tab, or a button or link, named "Archive". */
async function openArchive(page: Page, timeoutMs: number): Promise<void> {
	const name = /^\s*Archive\b/i;
	const control = page
		.getByRole('tab', { name })
		.or(page.getByRole('button', { name }))
		.or(page.getByRole('link', { name }))
		.filter({ visible: true });
	if ((await control.count()) === 0)
		throw new FetchError(
			`${page.url()}: the list page has no "Archive" tab or button (expected one beside the Under Investigation list). The portal has changed: see src/tooling/hhs-fetch.ts.`,
		);
	const isTab = (await page.getByRole('tab', { name }).count()) > 0;
	await control.first().click();
	// A TabView loads the archive over AJAX and marks its tab selected; a button reloads the page.
	if (isTab)
		await page
			.locator('[role="tab"][aria-selected="true"]', { hasText: name })
			.waitFor({ timeout: timeoutMs })
			.catch(() => {
				throw new FetchError(
					`${page.url()}: the "Archive" tab did not become the selected tab within ${timeoutMs / 1000} s.`,
				);
			});
	await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => {});
}

/** Clicks an "Export as CSV" control and returns the file it downloads, or a FetchError. */
async function exportDownload(
	page: Page,
	control: Locator,
	view: string,
	timeoutMs: number,
): Promise<Omit<DownloadedList, 'list'>> {
	// An export answered with a page (an error page, a login, a re-rendered view) loads a document
	// instead of starting a download: either event ends the wait.
	const outcome = Promise.race([
		page.waitForEvent('download', { timeout: timeoutMs }).then((download) => ({ download })),
		page.waitForEvent('load', { timeout: timeoutMs }).then(() => ({ download: undefined })),
	]);
	await control.click();
	let download;
	try {
		({ download } = await outcome);
	} catch {
		throw new FetchError(
			`${page.url()}: "Export as CSV" on the ${view} list started no download within ${timeoutMs / 1000} s.`,
		);
	}
	if (!download)
		throw new FetchError(
			`${page.url()}: "Export as CSV" on the ${view} list answered with a page instead of a CSV file (${JSON.stringify(await page.title())}: ${JSON.stringify((await page.locator('body').innerText()).trim().slice(0, 120))}).`,
		);
	const failure = await download.failure();
	if (failure) throw new FetchError(`${download.url()}: the ${view} download failed (${failure}).`);
	const path = await download.path();
	const bytes = readFileSync(path);
	if (looksLikeHtml(bytes))
		throw new FetchError(
			`${download.url()}: the ${view} download (${download.suggestedFilename()}) is an HTML page, not CSV: ${JSON.stringify(bytes.toString('utf8', 0, 120))}`,
		);
	return { bytes, suggestedName: download.suggestedFilename() };
}

/** A page, not a CSV file: what a portal error or a re-rendered view sends. */
const looksLikeHtml = (bytes: Buffer) =>
	/^(\xEF\xBB\xBF)?\s*(<!doctype html|<html|<\?xml|<head|<body)/i.test(bytes.toString('latin1', 0, 512));

const firstLine = (error: unknown) =>
	String((error as Error)?.message ?? error)
		.split('\n')[0]!
		.trim();

async function visibleLinks(page: Page): Promise<string> {
	const texts = await page.getByRole('link').filter({ visible: true }).allInnerTexts();
	return texts
		.map((t) => t.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.slice(0, 8)
		.map((t) => JSON.stringify(t))
		.join(', ');
}

async function rowsShown(table: Locator): Promise<string> {
	const rows = await table.locator('tbody tr').count();
	return `${rows} row${rows === 1 ? '' : 's'} shown`;
}

/** The portal's prose column: the regulator's words, which the casebook never carries over. */
const PROSE_COLUMN = 'Web Description' satisfies (typeof HHS_COLUMNS)[number];

/**
 * Blanks the portal's prose column ("Web Description") of every filing and keeps every other byte:
 * the casebook carries over facts, never the regulator's sentences. A quoted cell stays `""`.
 */
export function blankWebDescription(bytes: Buffer): { bytes: Buffer; blanked: number } {
	// The column the header names so; none, and nothing is blanked.
	let column = -1;
	// latin1 maps each byte to one character and back, so bytes that are not UTF-8 survive as they are.
	const s = bytes.toString('latin1');
	const out: string[] = [];
	let blanked = 0;
	let record = 0;
	let field = 0;
	let i = 0;
	while (i < s.length) {
		const start = i;
		const quoted = s[i] === '"';
		if (quoted)
			for (i++; i < s.length; i++)
				if (s[i] === '"') {
					if (s[i + 1] !== '"') {
						i++;
						break;
					}
					i++;
				}
		while (i < s.length && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') i++;
		const cell = s.slice(start, i);
		if (
			record === 0 &&
			cell
				.replace(/^\xEF\xBB\xBF/, '')
				.replace(/^"|"$/g, '')
				.trim() === PROSE_COLUMN
		)
			column = field;
		if (record > 0 && field === column && cell !== '' && cell !== '""') {
			out.push(quoted ? '""' : '');
			blanked++;
		} else out.push(cell);
		if (i >= s.length) break;
		if (s[i] === ',') {
			out.push(',');
			i++;
			field++;
			continue;
		}
		const end = s[i] === '\r' && s[i + 1] === '\n' ? '\r\n' : s[i]!;
		out.push(end);
		i += end.length;
		record++;
		field = 0;
	}
	return { bytes: Buffer.from(out.join(''), 'latin1'), blanked };
}

/**
 * What the register's importer would refuse in one export, as `file:line: column: message` lines,
 * and the filings it read. The one place the fetcher calls the importer.
 */
export function importerVerdict(
	file: string,
	bytes: Buffer,
): { problems: string[]; submitted: string[]; rows: number } {
	const reading = readExport(file, bytes, { list: HHS_FILES[basename(file)] });
	const problems = reading.problems.map((p) =>
		p.line > 0 ? `${p.file}:${p.line}: ${p.column}: ${p.message}` : `${p.file}: ${p.message}`,
	);
	if (reading.refused) problems.push(`${file}: refused: ${reading.refused}`);
	if (problems.length === 0 && reading.rows.length === 0)
		problems.push(`${file}: holds no filings (expected the portal's list, which is never empty)`);
	return { problems, submitted: reading.rows.map((r) => r.submitted).sort(), rows: reading.rows.length };
}

/** The manifest's rows, checked against its columns. */
export function readManifestFile(path: string): { rows: ManifestRecord[]; eol: string } {
	if (!existsSync(path))
		throw new FetchError(`${path}: missing (expected the manifest of the portal's exports, beside their folders)`);
	const text = readFileSync(path, 'utf8');
	const [header, ...records] = parse(text, { bom: true, skip_empty_lines: true }) as string[][];
	if (header?.join() !== MANIFEST_HEADER.join())
		throw new FetchError(
			`${path}: its columns are ${header?.join(', ') ?? 'none'} (expected ${MANIFEST_HEADER.join(', ')})`,
		);
	const rows = records.map((r) => Object.fromEntries(MANIFEST_HEADER.map((c, i) => [c, r[i] ?? ''])) as ManifestRecord);
	return { rows, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** What a fetch added, or the folder whose exports it found unchanged. */
export type FetchResult =
	{ written: true; folder: string; rows: ManifestRecord[] } | { written: false; unchangedSince: string };

/**
 * Downloads both lists and adds them as a new snapshot folder under `exportsDir`, named by the
 * day of the fetch (UTC), with `-b`, `-c`… when that day already has one. Writes nothing when a
 * list fails a check, or when both lists are byte for byte those of the latest snapshot.
 */
export async function fetchSnapshot(options: {
	url?: string;
	exportsDir?: string;
	timeoutMs?: number;
	now?: () => Date;
	browser?: Browser;
	progress?: (line: string) => void;
}): Promise<FetchResult> {
	const url = options.url ?? HHS_PORTAL_URL;
	const exportsDir = options.exportsDir ?? EXPORTS_DIR;
	const manifestPath = join(exportsDir, MANIFEST_FILE);
	const manifest = readManifestFile(manifestPath);
	const downloads = await downloadLists({
		url,
		timeoutMs: options.timeoutMs ?? 120_000,
		browser: options.browser,
		progress: options.progress,
	});
	const fetchedAt = (options.now ?? (() => new Date()))();
	const time = fetchedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');

	const problems: string[] = [];
	const files = downloads.map((d) => {
		const { bytes, blanked } = blankWebDescription(d.bytes);
		const verdict = importerVerdict(d.list.file, bytes);
		problems.push(...verdict.problems.map((p) => `${p} (downloaded as ${d.suggestedName})`));
		return { ...d, written: bytes, blanked, verdict };
	});
	if (problems.length > 0)
		throw new FetchError(
			`the importer would refuse the portal's exports (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems
				.slice(0, 20)
				.map((p) => `  ${p}`)
				.join('\n')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
		);

	const previous = files.map((f) => manifest.rows.findLast((r) => r.file === f.list.file));
	if (previous.every((p, i) => p && p.sha256_written === sha256(files[i]!.written)))
		return { written: false, unchangedSince: previous[0]!.folder };

	const day = time.slice(0, 10);
	const taken = new Set(manifest.rows.map((r) => r.folder));
	let folder = day;
	for (let n = 1; taken.has(folder) || existsSync(join(exportsDir, folder)); n++)
		folder = `${day}-${String.fromCharCode(97 + n)}`;

	const rows: ManifestRecord[] = files.map((f) => {
		const header = parse(f.written.toString('latin1').split(/\r?\n|\r/, 1)[0]!, { bom: true })[0] as string[];
		return {
			folder,
			file: f.list.file,
			list: f.list.list,
			rows: String(f.verdict.rows),
			min_submission: f.verdict.submitted[0] ?? '',
			max_submission: f.verdict.submitted.at(-1) ?? '',
			repo: '',
			commit: '',
			path: '',
			commit_date: '',
			blob_first_commit_date: '',
			git_blob: gitBlob(f.written),
			sha256_original: sha256(f.bytes),
			sha256_written: sha256(f.written),
			bytes_original: String(f.bytes.length),
			bytes_written: String(f.written.length),
			n_columns: String(header.length),
			columns: header.join('|'),
			notes: `fetched by npm run fetch:hhs from ${url} at ${time} ("${f.list.view}", "Export as CSV"; downloaded as ${f.suggestedName}); ${header.includes(PROSE_COLUMN) ? `blanked column ${header.indexOf(PROSE_COLUMN) + 1} '${PROSE_COLUMN}' (${f.blanked} non-empty cells)` : `no '${PROSE_COLUMN}' column`}`,
		};
	});

	// Staged beside their targets, then renamed into place: an interrupted fetch leaves no folder
	// and no manifest row.
	const staging = mkdtempSync(join(exportsDir, '.fetch-'));
	const manifestStaged = `${manifestPath}.${process.pid}.tmp`;
	const target = join(exportsDir, folder);
	let moved = false;
	try {
		for (const f of files) writeFileSync(join(staging, f.list.file), f.written);
		const original = readFileSync(manifestPath, 'utf8');
		const separator = original.endsWith('\n') ? '' : manifest.eol;
		writeFileSync(
			manifestStaged,
			original +
				separator +
				stringify(
					rows.map((r) => MANIFEST_HEADER.map((c) => r[c])),
					{ record_delimiter: manifest.eol },
				),
		);
		renameSync(staging, target);
		moved = true;
		renameSync(manifestStaged, manifestPath);
	} catch (error) {
		rmSync(moved ? target : staging, { recursive: true, force: true });
		rmSync(manifestStaged, { force: true });
		throw error;
	}
	return { written: true, folder: target, rows };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** The id git gives the file's content, as the manifest records for the published exports. */
const gitBlob = (bytes: Buffer) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
