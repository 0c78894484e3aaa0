/** A write-up split into its frontmatter and its narrative, with the line each starts on. */
export interface SplitWriteUp {
	yaml: string;
	/** Line of the file where the YAML starts. */
	yamlLine: number;
	body: string;
	/** Line of the file where the body starts. */
	bodyLine: number;
}

/**
 * Splits a write-up at its `---` lines; returns why instead when it has no closed frontmatter
 * block. A leading byte-order mark is ignored.
 */
export function splitFrontmatter(text: string): SplitWriteUp | string {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (lines[0]?.trim() !== '---') return 'the file must start with a frontmatter block (expected a first line of ---)';
	const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
	if (end < 0) return 'the frontmatter block is not closed (expected a line of --- after the facts)';
	return {
		yaml: lines.slice(1, end).join('\n'),
		yamlLine: 2,
		body: lines.slice(end + 1).join('\n'),
		bodyLine: end + 2,
	};
}
