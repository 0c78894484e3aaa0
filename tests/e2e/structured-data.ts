/**
 * Google's requirements for a schema.org `Dataset` (Search Central, "Dataset structured data"),
 * as its Rich Results Test applies them: `errors` keep a dataset out of Dataset Search, `warnings`
 * name a recommended property that is missing or malformed.
 */
const ISO_DATE = String.raw`\d{4}(-\d{2}(-\d{2})?)?`;
const ISO_COVERAGE = new RegExp(`^(${ISO_DATE}|\\.\\.)(/(${ISO_DATE}|\\.\\.))?$`);
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;
const isAbsoluteUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^/]/.test(value);

export function googleDatasetProblems(ld: Record<string, any>): { errors: string[]; warnings: string[] } {
	const errors: string[] = [];
	const warnings: string[] = [];
	if (ld['@type'] !== 'Dataset') errors.push(`@type: ${ld['@type']}, not Dataset`);
	if (typeof ld.name !== 'string' || !ld.name.trim()) errors.push('name: missing');
	if (typeof ld.description !== 'string') errors.push('description: missing');
	else if (ld.description.length < 50 || ld.description.length > 5000)
		errors.push(`description: ${ld.description.length} characters, not 50–5,000`);
	if (!isAbsoluteUrl(ld.url)) warnings.push('url: missing or not absolute');
	const creators = [ld.creator ?? []].flat();
	if (!creators.length) warnings.push('creator: missing');
	for (const c of creators)
		if (!['Person', 'Organization'].includes(c['@type']) || !c.name)
			warnings.push('creator: not a named Person or Organization');
	if (!ld.license) warnings.push('license: missing');
	else if (!isAbsoluteUrl(ld.license) && ld.license['@type'] !== 'CreativeWork') warnings.push('license: not a URL');
	if (typeof ld.temporalCoverage !== 'string' || !ISO_COVERAGE.test(ld.temporalCoverage))
		warnings.push(`temporalCoverage: ${ld.temporalCoverage} is not an ISO 8601 date or interval`);
	const place = ld.spatialCoverage;
	if (!place || (typeof place !== 'string' && !place.name && !place.geo)) warnings.push('spatialCoverage: missing');
	const downloads = [ld.distribution ?? []].flat();
	if (!downloads.length) warnings.push('distribution: missing');
	for (const d of downloads) {
		if (d['@type'] !== 'DataDownload') errors.push(`distribution: ${d['@type']}, not DataDownload`);
		if (!isAbsoluteUrl(d.contentUrl)) errors.push(`distribution: contentUrl ${d.contentUrl} is not an absolute URL`);
		if (!MEDIA_TYPE.test(d.encodingFormat ?? '')) warnings.push(`distribution: ${d.contentUrl} has no media type`);
	}
	return { errors, warnings };
}
