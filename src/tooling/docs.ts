/**
 * Generated parts of the documentation: the field reference (from the Zod model, through its
 * JSON Schema) and the vocabulary tables (from the vocabulary module), so the docs cannot drift.
 * `npm run docs` rewrites them between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.
 */
import { incidentSchema, PARTIAL_DATE_META } from '../schemas/incident.ts';
import { jsonSchemaOf } from '../lib/casebook/export.ts';
import { vocabularies, usStates } from '../vocabularies.ts';
import { nginxConfig, parseHeaders } from '../lib/headers.ts';

interface JsonNode {
	type?: string | string[];
	description?: string;
	properties?: Record<string, JsonNode>;
	required?: string[];
	items?: JsonNode;
	enum?: unknown[];
	pattern?: string;
	anyOf?: JsonNode[];
	maxLength?: number;
	minItems?: number;
	[PARTIAL_DATE_META]?: boolean;
}

const VOCAB_BY_FIELD: Record<string, string> = {
	'organization.type': 'organizationType',
	dataClasses: 'dataClasses',
	breachType: 'breachType',
	location: 'location',
	vector: 'vector',
	actor: 'actor',
	disclosure: 'disclosure',
	lessons: 'lessons',
	'outcomes[].kind': 'outcomeKind',
	'sources[].kind': 'sourceKind',
};

function typeOf(node: JsonNode, path: string): string {
	const vocabulary = VOCAB_BY_FIELD[path];
	if (vocabulary)
		return `${node.type === 'array' ? 'list of terms' : 'term'} of [${vocabulary}](#vocabulary-${vocabulary})`;
	if (node.anyOf) return node.anyOf.map((n) => typeOf(n, path)).join(' or ');
	if (node[PARTIAL_DATE_META]) return 'partial date (YYYY, YYYY-MM or YYYY-MM-DD)';
	if (node.enum) return path.endsWith('state') ? 'two-letter US state code' : `one of ${node.enum.join(', ')}`;
	if (node.type === 'array' && node.items) return `list of ${typeOf(node.items, `${path}[]`)}`;
	return Array.isArray(node.type) ? node.type.join(' or ') : (node.type ?? 'any');
}

/** The field reference, one row per field, nested fields with dotted names. */
export function fieldTable(): string {
	const schema = jsonSchemaOf(incidentSchema, 'docs', 'docs', { tagPartialDates: true }) as JsonNode;
	const rows: string[] = [];
	const walk = (node: JsonNode, prefix: string) => {
		for (const [name, child] of Object.entries(node.properties ?? {})) {
			const path = prefix ? `${prefix}.${name}` : name;
			const required = node.required?.includes(name) ? 'yes' : 'no';
			const description = (child.description ?? child.items?.description ?? '')
				.replace(/\|/g, '\\|')
				.replace(/</g, '&lt;');
			rows.push(`| \`${path}\` | ${typeOf(child, path)} | ${required} | ${description} |`);
			if (child.properties) walk(child, path);
			if (child.items?.properties) walk(child.items, `${path}[]`);
		}
	};
	walk(schema, '');
	return ['| Field | Type | Required | Meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** Every vocabulary as a table of key, label and definition. */
export function vocabularyTables(): string {
	const tables = Object.entries(vocabularies).map(([field, v]) => {
		const rows = Object.entries(v.terms).map(([key, term]) => `| \`${key}\` | ${term.label} | ${term.definition} |`);
		return [
			`### ${v.plural} <a id="vocabulary-${field}"></a>`,
			'',
			v.definition,
			'',
			'| Key | Label | Meaning |',
			'| --- | --- | --- |',
			...rows,
		].join('\n');
	});
	const states = `### US states <a id="vocabulary-state"></a>\n\n${Object.entries(usStates)
		.map(([code, name]) => `\`${code}\` ${name}`)
		.join(' · ')}`;
	return [...tables, states].join('\n\n');
}

/** Replaces each generated block that `text` has with fresh content. */
export function fillGenerated(text: string, blocks: Record<string, string>): string {
	let out = text;
	for (const [name, content] of Object.entries(blocks)) {
		const re = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
		out = out.replace(re, `$1\n\n${content}\n\n$2`);
	}
	return out;
}

/** The nginx configuration equivalent to public/_headers, for a site under `base`. */
export function nginxSnippet(headersFile: string, base = '/'): string {
	const { http, server } = nginxConfig(parseHeaders(headersFile), base);
	return [
		'```nginx',
		`# Generated from public/_headers by npm run docs.`,
		'# In the http {} block:',
		http,
		'',
		'# In the server {} block:',
		`error_page 404 ${base}404.html;`,
		server.replace(/^\t/gm, ''),
		'```',
	].join('\n');
}

/** The generated blocks, by name. */
export const generatedBlocks = (headersFile: string) => ({
	fields: fieldTable(),
	vocabularies: vocabularyTables(),
	nginx: nginxSnippet(headersFile),
});
