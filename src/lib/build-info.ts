/** Today as a UTC day number, the right end of open exposure windows. SOURCE_DATE_EPOCH makes builds reproducible. */
export function buildDay(env: Record<string, string | undefined> = process.env): number {
	const epoch = env.SOURCE_DATE_EPOCH ? Number(env.SOURCE_DATE_EPOCH) * 1000 : Date.now();
	return Math.floor(epoch / 86_400_000);
}

/** When the site was built, ISO 8601; SOURCE_DATE_EPOCH makes it reproducible. */
export function buildTimestamp(env: Record<string, string | undefined> = process.env): string {
	return new Date(env.SOURCE_DATE_EPOCH ? Number(env.SOURCE_DATE_EPOCH) * 1000 : Date.now()).toISOString();
}
