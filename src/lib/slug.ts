/** The slug of a write-up: its file name, without folders and without `.mdx`. */
export function slugOf(file: string): string {
	return file.replace(/^.*[\\/]/, '').replace(/\.mdx$/, '');
}
