/** Slugs: the permanent ids of case studies, sources and tags, and the file names they come from. */

/** Lowercase letters and digits in hyphen-separated runs, such as `kaiser-permanente-2024`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug of a write-up: its file name, without folders and without `.mdx`. */
export function slugOf(file: string): string {
	return file.replace(/^.*[\\/]/, '').replace(/\.mdx$/, '');
}

/** Lowercase, hyphenated form of a label: "Hacking/IT Incident" → "hacking-it-incident". */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
