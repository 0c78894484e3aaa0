/** Finding an organization's filings in the register by name, for editors. */
import type { RegisterRecord } from '../../schemas/register.ts';
import { nameKey, nameSimilarity } from './names.ts';

/** Filings whose name contains `name` (letters and digits), or nearly matches it; newest first. */
export function findFilings(records: readonly RegisterRecord[], name: string, limit = 10): RegisterRecord[] {
	const wanted = nameKey(name);
	if (wanted.length < 3) return [];
	return records
		.filter((r) => {
			const key = nameKey(r.name);
			return key.includes(wanted) || nameSimilarity(key, wanted) >= 0.7;
		})
		.sort((a, b) => b.submitted.localeCompare(a.submitted) || a.id.localeCompare(b.id))
		.slice(0, limit);
}
