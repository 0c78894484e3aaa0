/**
 * The pages a slow check visits: every page, except that of the ~14,000 register filing and
 * organization pages, which share two templates, it takes a fixed sample (every `step`th in
 * sorted order, plus named ones), so that the same pages are checked on every run.
 */
export function samplePages(paths: readonly string[], step = 100, always: readonly string[] = []): string[] {
	const bulk = /^(register\/[a-z0-9-]+-\d{4}-\d{2}-\d{2}(-\d+)?|organizations\/(?!page\/)[a-z0-9-]+)\/$/;
	const many = paths.filter((p) => bulk.test(p)).sort();
	const keep = new Set([...always, ...many.filter((_, i) => i % step === 0)]);
	return paths.filter((p) => !bulk.test(p) || keep.has(p));
}
