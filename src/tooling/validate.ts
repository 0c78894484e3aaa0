/**
 * Validates write-ups the way an editor needs: every problem in every file at once, each as
 * `path:line: field: message (expected …)`.
 *
 * The schema is the same one Astro uses, so this reports what the build would reject, but with
 * line numbers, cross-file rules (related slugs, duplicate slugs) and the body policy (known
 * components, known source ids, no scripts) that a per-entry schema cannot see. `npm run check`
 * and `npm run build` both run it before Astro starts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCounter, parseDocument, isMap } from 'yaml';
import { load as loadYaml } from 'js-yaml';
import { mdxToMdast } from 'satteri';
import { incidentSchema, sameCompany, type IncidentData } from '../schemas/incident.ts';
import { closestMatch } from '../schemas/suggest.ts';
import { SLUG_PATTERN, slugOf } from '../schemas/slug.ts';
import { splitFrontmatter, type SplitWriteUp } from '../lib/casebook/frontmatter.ts';
import { formatList } from '../lib/format.ts';
import { CALLOUT_KINDS, KIT, KIT_COMPONENTS, type KitComponent } from '../lib/casebook/kit.ts';
import { listWriteUps } from './content-dir.ts';
import { checkRegisterLinks } from '../lib/register/links.ts';
import type { RegisterRecord } from '../schemas/register.ts';
import { organizationAliasSchema } from '../schemas/organization.ts';

/** One problem in one write-up. */
export interface Problem {
	/** Path of the file, relative to the working directory. */
	file: string;
	/** 1-based line in the file. */
	line: number;
	/** The field, e.g. `dates.discovered.date`, `body` or `file`. */
	field: string;
	message: string;
}

/** A write-up that parsed, with what the rest of the checks need. */
export interface CheckedFile {
	file: string;
	slug: string;
	data?: IncidentData;
	/** `related` and `redirectFrom` as written, read even when other fields are invalid. */
	related: string[];
	redirectFrom: string[];
	/** Line of each top-level key, for cross-file problems. */
	keyLines: Map<string, number>;
}

/** Write-ups larger than this are refused: a case study is a few thousand words, not megabytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** HTML elements a write-up may not contain, because they run code or embed other origins. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'form', 'link', 'meta', 'base']);

/** Formats a problem for a terminal or a log. */
export function formatProblem(p: Problem): string {
	return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

/** `['sources', 2, 'url']` → `sources[2].url`. */
export function fieldName(path: readonly PropertyKey[]): string {
	return path.reduce<string>(
		(name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
		'',
	);
}

/** Validates one write-up on its own: encoding, frontmatter, schema and body policy. */
export function checkFile(file: string, bytes: Uint8Array): { problems: Problem[]; checked: CheckedFile } {
	const problems: Problem[] = [];
	const checked: CheckedFile = { file, slug: slugOf(file), keyLines: new Map(), related: [], redirectFrom: [] };
	const add = (line: number, field: string, message: string) => problems.push({ file, line, field, message });

	if (!SLUG_PATTERN.test(checked.slug)) {
		add(
			1,
			'file',
			`file name "${basename(file)}" is not a slug (expected lowercase letters, digits and hyphens, e.g. acme-health-2024.mdx)`,
		);
	}
	if (bytes.length === 0) {
		add(1, 'file', 'the file is empty (expected frontmatter between --- lines, then the narrative)');
		return { problems, checked };
	}
	if (bytes.length > MAX_FILE_BYTES) {
		add(
			1,
			'file',
			`the file is ${(bytes.length / 1048576).toFixed(1)} MiB (expected at most ${MAX_FILE_BYTES / 1048576} MiB)`,
		);
		return { problems, checked };
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		const bad = firstInvalidUtf8Line(bytes);
		add(bad, 'file', 'the file is not valid UTF-8 (expected UTF-8 text; re-save it as UTF-8)');
		return { problems, checked };
	}
	const split = splitFrontmatter(text);
	if (typeof split === 'string') {
		add(1, 'frontmatter', split);
		return { problems, checked };
	}

	const read = readValidFrontmatter(split) ?? readFrontmatterWithLines(split, add);
	if (!read) return { problems, checked };
	checked.data = read.data;
	checked.keyLines = read.keyLines;
	checked.related = stringList(read.raw.related);
	checked.redirectFrom = stringList(read.raw.redirectFrom);
	const sourceIds = collectSourceIds(read.raw);
	problems.push(...lintBody(split.body, sourceIds).map((p) => ({ ...p, file, line: p.line + split.bodyLine - 1 })));
	return { problems, checked };
}

/** Frontmatter as read: its fields, the validated data when the schema accepts it, and each top-level key's line. */
interface ReadFrontmatter {
	raw: Record<string, unknown>;
	data?: IncidentData;
	keyLines: Map<string, number>;
}

/**
 * Reads frontmatter keeping every node's position, and reports each problem at its line.
 * Undefined when the YAML itself cannot be read, after reporting why.
 */
function readFrontmatterWithLines(
	split: SplitWriteUp,
	add: (line: number, field: string, message: string) => void,
): ReadFrontmatter | undefined {
	const lineCounter = new LineCounter();
	const doc = parseDocument(split.yaml, { lineCounter, uniqueKeys: true, prettyErrors: false });
	const yamlLine = (offset: number) => split.yamlLine + lineCounter.linePos(offset).line - 1;
	if (doc.errors.length > 0) {
		for (const error of doc.errors) {
			add(
				yamlLine(error.pos[0]),
				'frontmatter',
				`is not valid YAML: ${error.message.split('\n')[0]} (expected key: value lines)`,
			);
		}
		return undefined;
	}
	if (!isMap(doc.contents)) {
		add(split.yamlLine, 'frontmatter', 'is not a mapping of fields (expected key: value lines)');
		return undefined;
	}
	const keyLines = new Map<string, number>();
	for (const pair of doc.contents.items) {
		const key = pair.key as { value?: unknown; range?: readonly number[] } | null;
		if (key?.range) keyLines.set(String(key.value), yamlLine(key.range[0]!));
	}
	// The line of the key that holds a field; for a missing field, of the nearest key above it.
	const lineOf = (path: readonly PropertyKey[]): number => {
		for (let depth = path.length; depth > 0; depth--) {
			const parent = depth > 1 ? (doc.getIn(path.slice(0, depth - 1) as unknown[], true) as unknown) : doc.contents;
			if (isMap(parent)) {
				const pair = parent.items.find((p) => (p.key as { value?: unknown })?.value === path[depth - 1]);
				const keyRange = (pair?.key as { range?: readonly number[] } | undefined)?.range;
				if (keyRange) return yamlLine(keyRange[0]!);
			}
			const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: readonly number[] } | undefined;
			if (node?.range) return yamlLine(node.range[0]!);
		}
		return split.yamlLine - 1;
	};

	const raw = doc.toJS() as Record<string, unknown>;
	const result = incidentSchema.safeParse(raw, { reportInput: true });
	if (result.success) return { raw, data: result.data, keyLines };
	for (const issue of result.error.issues) {
		const field = fieldName(issue.path) || 'frontmatter';
		const message =
			issue.code === 'unrecognized_keys'
				? unknownKeysMessage(issue.keys)
				: issue.code === 'invalid_type' && issue.input === undefined
					? 'is required but missing'
					: issue.message;
		const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
		add(lineOf(at), field, message);
	}
	return { raw, keyLines };
}

/**
 * The common case, fast: frontmatter that parses and passes the schema needs no positions. It is
 * read with js-yaml, the parser Astro itself uses for frontmatter, which is several times faster
 * than a parse that keeps every node's position (that parse was three quarters of the check at
 * 10,000 write-ups). Anything else returns undefined, and `readFrontmatterWithLines` finds the
 * line of each problem.
 */
function readValidFrontmatter(split: SplitWriteUp): ReadFrontmatter | undefined {
	let raw: unknown;
	try {
		raw = loadYaml(split.yaml);
	} catch {
		return undefined;
	}
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
	const result = incidentSchema.safeParse(raw);
	if (!result.success) return undefined;
	const keyLines = new Map<string, number>();
	split.yaml.split('\n').forEach((line, i) => {
		const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
		if (key && !keyLines.has(key)) keyLines.set(key, split.yamlLine + i);
	});
	return { raw: raw as Record<string, unknown>, data: result.data, keyLines };
}

function unknownKeysMessage(keys: readonly string[]): string {
	return `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} (check the spelling; docs/AUTHORING.md lists every field)`;
}

function stringList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function collectSourceIds(raw: unknown): string[] {
	const sources = (raw as { sources?: unknown } | null)?.sources;
	if (!Array.isArray(sources)) return [];
	return sources.map((s) => (s as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
	let line = 1;
	for (let i = 0; i < bytes.length; i++) {
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, Math.min(bytes.length, i + 4)));
		} catch {
			if (bytes[i]! >= 0x80 && !(bytes[i]! >= 0xc2 && bytes[i]! <= 0xf4)) return line;
		}
		if (bytes[i] === 0x0a) line++;
	}
	return line;
}

interface MdNode {
	type: string;
	name?: string | null;
	value?: string;
	url?: string;
	attributes?: { type: string; name?: string; value?: unknown }[];
	children?: MdNode[];
	position?: { start: { line: number } };
}

/** Problems in the narrative, with lines relative to the start of the body. */
export function lintBody(body: string, sourceIds: readonly string[]): Omit<Problem, 'file'>[] {
	const problems: Omit<Problem, 'file'>[] = [];
	let tree: MdNode;
	try {
		tree = mdxToMdast(body) as unknown as MdNode;
	} catch (error) {
		const message = String((error as Error).message ?? error);
		const at = /^(\d+):(\d+)/.exec(message);
		const clean = message.replace(/^\d+:\d+:\s*/, '').replace(/\s*\(mdx[^)]*\)\s*$/, '');
		problems.push({
			line: at ? Number(at[1]) : 1,
			field: 'body',
			message: `is not valid MDX: ${clean} (expected Markdown, with components written as <Name attr="…"/>)`,
		});
		return problems;
	}
	const known = sourceIds.join(', ') || 'none: add sources to the frontmatter';
	const visit = (node: MdNode) => {
		const line = node.position?.start.line ?? 1;
		const add = (message: string) => problems.push({ line, field: 'body', message });
		if (node.type === 'mdxjsEsm')
			add(`import and export statements are not allowed (the components ${formatList(KIT_COMPONENTS)} need no import)`);
		if (
			(node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') &&
			!/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value ?? '')
		) {
			add('JavaScript expressions in { } are not allowed (expected plain text; use {/* … */} for comments)');
		}
		if (
			(node.type === 'link' || node.type === 'image' || node.type === 'definition') &&
			node.url &&
			!isSafeUrl(node.url)
		) {
			add(`link to "${node.url}" is not allowed (expected an http(s) URL, mailto: or #fragment)`);
		}
		if (node.type === 'html' && /<script\b|\son[a-z]+\s*=|javascript:/i.test(node.value ?? '')) {
			add('raw HTML with a script, an on… event handler or a javascript: URL is not allowed');
		}
		if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
			lintElement(node, sourceIds, known, add);
		if (node.type === 'mdxJsxTextElement' && isKitComponent(node.name ?? '') && KIT[node.name as KitComponent].block)
			add(
				`<${node.name}> stands inside a paragraph, but it is a block (a figure or a box) and would break the page's HTML (expected it on a line of its own, with a blank line before and after${node.name === 'Quote' ? '; for a few words in a sentence, use “quotation marks” and <Cite>' : ''})`,
			);
		repeatedCitations(node.children ?? []).forEach((cite) =>
			problems.push({
				line: cite.position?.start.line ?? line,
				field: 'body',
				message: `cites "${citeId(cite)}" twice in a row (expected one <Cite id="${citeId(cite)}"/> after the claim)`,
			}),
		);
		node.children?.forEach(visit);
	};
	visit(tree);
	return problems;
}

const citeId = (node: MdNode): unknown => node.attributes?.find((a) => a.name === 'id')?.value;

/** Each <Cite> that repeats the source of the <Cite> just before it, with only spaces between. */
function repeatedCitations(children: readonly MdNode[]): MdNode[] {
	const repeats: MdNode[] = [];
	let previous: unknown;
	for (const child of children) {
		if (child.type === 'text' && /^\s*$/.test(child.value ?? '')) continue;
		const id = child.type === 'mdxJsxTextElement' && child.name === 'Cite' ? citeId(child) : undefined;
		if (typeof id === 'string' && id === previous) repeats.push(child);
		previous = id;
	}
	return repeats;
}

function isSafeUrl(url: string): boolean {
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim().replace(/[\u0000-\u0020]/g, ''));
	return !scheme || ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase());
}

function lintElement(node: MdNode, sourceIds: readonly string[], known: string, add: (m: string) => void) {
	const name = node.name ?? '';
	const attrs = new Map<string, unknown>();
	for (const attr of node.attributes ?? []) {
		if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
			add(`<${name}> has a spread or expression attribute, which is not allowed (expected name="value")`);
			continue;
		}
		attrs.set(attr.name, attr.value);
		if (/^on/i.test(attr.name)) add(`<${name}> has an inline event handler ${attr.name}=, which is not allowed`);
		if (
			typeof attr.value === 'string' &&
			!isSafeUrl(attr.value) &&
			/^(href|src|action|formaction|xlink:href|data)$/i.test(attr.name)
		) {
			add(`<${name}> ${attr.name}="${attr.value}" is not allowed (expected an http(s) URL)`);
		}
	}
	if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) {
		add(`<${name}> is not allowed in a write-up (scripts and embeds would run in readers' browsers)`);
		return;
	}
	if (!/^[A-Z]/.test(name)) return;
	if (!isKitComponent(name)) {
		const guess = closestMatch(
			name.toLowerCase(),
			KIT_COMPONENTS.map((c) => c.toLowerCase()),
		);
		const hint = guess ? `; did you mean <${KIT_COMPONENTS.find((c) => c.toLowerCase() === guess)}>?` : '';
		add(`unknown component <${name}>${hint} (expected one of: ${KIT_COMPONENTS.join(', ')})`);
		return;
	}
	const { sourceAttribute: ref, requiredText } = KIT[name];
	if (ref) {
		const id = attrs.get(ref);
		if (typeof id !== 'string' || id === '')
			add(`<${name}> needs ${ref}="…", the id of a listed source (expected one of: ${known})`);
		else if (!sourceIds.includes(id)) {
			const guess = closestMatch(id, sourceIds);
			add(
				`<${name} ${ref}="${id}"> names an unknown source${guess ? `; did you mean "${guess}"?` : ''} (expected one of: ${known})`,
			);
		}
	}
	if (name === 'Callout') {
		const kind = attrs.get('kind');
		if (!(CALLOUT_KINDS as readonly unknown[]).includes(kind)) {
			add(
				`<Callout kind="${String(kind ?? '')}"> is not a callout kind (expected one of: ${CALLOUT_KINDS.join(', ')})`,
			);
		}
	}
	if (requiredText.some((attribute) => typeof attrs.get(attribute) !== 'string')) {
		add(`<${name}> needs ${formatList(requiredText.map((attribute) => `${attribute}="…"`))}`);
	}
}

const isKitComponent = (name: string): name is KitComponent => Object.hasOwn(KIT, name);

/** The register as the check needs it: records by id, and the date of the latest snapshot. */
export interface RegisterIndex {
	records: ReadonlyMap<string, RegisterRecord>;
	latest?: string;
}

/**
 * Validates every write-up in a folder, including the rules that span files and the links to the
 * register. `warnings` are case studies that drifted from the register: errors only with `--strict`.
 */
export function checkCorpus(
	dir: string,
	register: RegisterIndex = { records: new Map() },
): { problems: Problem[]; warnings: Problem[]; files: CheckedFile[] } {
	const problems: Problem[] = [];
	const warnings: Problem[] = [];
	const files: CheckedFile[] = [];
	if (!existsSync(dir)) {
		const message = 'no such folder (expected CONTENT_DIR to name a folder that holds an incidents/ folder)';
		return { problems: [{ file: dir, line: 1, field: 'folder', message }], warnings, files };
	}
	for (const file of listWriteUps(dir)) {
		const result = checkFile(file, readFileSync(file));
		problems.push(...result.problems);
		files.push(result.checked);
	}
	problems.push(...checkCrossFile(files));
	for (const { kind, ...problem } of checkRegisterLinks(files, register.records, register.latest))
		(kind === 'error' ? problems : warnings).push(problem);
	warnings.push(...checkParentsAgainstFilers(files, register.records));
	const byPlace = (a: Problem, b: Problem) => a.file.localeCompare(b.file) || a.line - b.line;
	problems.sort(byPlace);
	warnings.sort(byPlace);
	return { problems, warnings, files };
}

/** Rules that span write-ups: unique slugs, redirects that collide, related slugs that exist. */
export function checkCrossFile(files: readonly CheckedFile[]): Problem[] {
	const problems: Problem[] = [];
	const owners = new Map<string, string[]>();
	for (const f of files) owners.set(f.slug, [...(owners.get(f.slug) ?? []), f.file]);
	for (const f of files) {
		const others = owners.get(f.slug)!.filter((file) => file !== f.file);
		if (others.length > 0) {
			problems.push({
				file: f.file,
				line: 1,
				field: 'file',
				message: `duplicate slug "${f.slug}", also used by ${others.join(', ')} (expected every file name to be unique)`,
			});
		}
	}
	const owner = new Map([...owners].map(([slug, list]) => [slug, list[0]!]));
	const slugs = [...owner.keys()];
	for (const f of files) {
		for (const old of f.redirectFrom) {
			const other = owner.get(old);
			if (other) {
				problems.push({
					file: f.file,
					line: f.keyLines.get('redirectFrom') ?? 1,
					field: 'redirectFrom',
					message: `"${old}" is the slug of ${other} (expected a former slug that no case study uses)`,
				});
			}
		}
		f.related.forEach((slug, i) => {
			const line = f.keyLines.get('related') ?? 1;
			if (slug === f.slug)
				problems.push({
					file: f.file,
					line,
					field: `related[${i}]`,
					message: 'a case study cannot be related to itself',
				});
			else if (!owner.has(slug)) {
				const guess = closestMatch(slug, slugs);
				problems.push({
					file: f.file,
					line,
					field: `related[${i}]`,
					message: `unknown case study "${slug}"${guess ? `; did you mean "${guess}"?` : ''} (expected the file name of another write-up)`,
				});
			}
		});
	}
	return problems;
}

/** Validates the editors' organization aliases (`content/organizations.yaml`): each entry, and ids and names used once. */
export function checkOrganizations(file: string): Problem[] {
	if (!existsSync(file)) return [];
	const problems: Problem[] = [];
	const lineCounter = new LineCounter();
	const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
	const lineAt = (node: unknown) => {
		const range = (node as { range?: readonly number[] } | undefined)?.range;
		return range ? lineCounter.linePos(range[0]!).line : 1;
	};
	if (doc.errors.length > 0)
		return doc.errors.map((e) => ({
			file,
			line: lineCounter.linePos(e.pos[0]).line,
			field: 'file',
			message: `is not valid YAML: ${e.message.split('\n')[0]} (expected a list of { id, name, match })`,
		}));
	const entries = doc.toJS() as unknown;
	if (!Array.isArray(entries))
		return [{ file, line: 1, field: 'file', message: 'is not a list (expected a list of { id, name, match })' }];
	const seen = new Map<string, number>();
	entries.forEach((entry, i) => {
		const node = doc.getIn([i], true);
		const parsed = organizationAliasSchema.safeParse(entry);
		if (!parsed.success)
			for (const issue of parsed.error.issues)
				problems.push({
					file,
					line: lineAt(doc.getIn([i, ...issue.path], true) ?? node),
					field: fieldName([i, ...issue.path]),
					message: issue.message,
				});
		const id = (entry as { id?: unknown })?.id;
		if (typeof id === 'string') {
			if (seen.has(id))
				problems.push({
					file,
					line: lineAt(node),
					field: `[${i}].id`,
					message: `duplicate id "${id}", also on line ${seen.get(id)} (expected each organization once)`,
				});
			else seen.set(id, lineAt(node));
		}
	});
	return problems;
}

/**
 * A `parent` that is the legal name in the organization's own "X d/b/a Y" register filing
 * ("A&A Services" for "A&A Services d/b/a Sav-Rx") is its legal name, not a parent: a warning,
 * which `--strict` makes an error. A parent that simply filed for a subsidiary (Lifespan
 * Corporation for the Lifespan ACE) files under its own name, with no d/b/a, and is left alone.
 */
export function checkParentsAgainstFilers(
	files: readonly CheckedFile[],
	records: ReadonlyMap<string, RegisterRecord>,
): Problem[] {
	const problems: Problem[] = [];
	for (const f of files) {
		const parent = f.data?.organization.parent;
		if (parent === undefined) continue;
		for (const id of f.data?.register.filings ?? []) {
			const filer = records.get(id)?.name;
			const [legal, trading] = filer?.split(/\s+(?:d\/b\/a|dba|doing business as)\s+/i) ?? [];
			if (legal !== undefined && trading !== undefined && sameCompany(legal, parent))
				problems.push({
					file: f.file,
					line: f.keyLines.get('organization') ?? 1,
					field: 'organization.parent',
					message: `"${parent}" is the name of the organization's own register filing ${id} ("${filer}"), not a parent (expected it in \`organization.legalName\`)`,
				});
		}
	}
	return problems;
}
