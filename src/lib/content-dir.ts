/** Where the write-ups are read from: `content/incidents`, or `$CONTENT_DIR/incidents` for tests and benchmarks. */
export function incidentsDir(env: Record<string, string | undefined> = process.env): string {
	const root = env.CONTENT_DIR?.replace(/\/+$/, '') || './content';
	return `${root}/incidents`;
}
