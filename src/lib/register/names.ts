/**
 * Entity names as the HHS breach portal exports them: trailing spaces, curly quotes mangled into
 * `â€™???` or `ƒ??`, and the same entity spelled differently from year to year. The importer
 * cleans a name once, here; everything past the import sees the cleaned name.
 */

/** A curly quote or dash that an earlier export mangled: `â€™???` (UTF-8 read as Windows-1252, then lost) or `ƒ??`. */
const MANGLED = String.raw`(?:â€™\?\?\?|ƒ\?\?)`;
/** The mangled closing double quote, which kept one more stray character. */
const MANGLED_CLOSE = String.raw`(?:â€™\?\?\?Â\x9d|ƒ\?\x9d)`;

/**
 * The name an export gave, cleaned: spaces trimmed and collapsed, and mangled quotes and dashes
 * restored where their place makes them unambiguous (`Childrenƒ??s` or `Children\u0019s` → `Children’s`,
 * `(â€™???HMCâ€™???Â\x9d)` → `(“HMC”)`, `Care â€™??? North` → `Care – North`).
 */
export function cleanName(raw: string): string {
	return (
		raw
			.replace(new RegExp(`${MANGLED}(.*?)${MANGLED_CLOSE}`, 'g'), '“$1”')
			.replace(new RegExp(`\\s${MANGLED}\\s`, 'g'), ' – ')
			.replace(new RegExp(MANGLED, 'g'), '’')
			// U+2019 cut to its low byte: `Children\u0019s`. Any other control character is noise.
			.replace(/\u0019/g, '’')
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

/**
 * What two spellings of one entity share: its ASCII letters and digits, lowercased, accents
 * folded. Punctuation, spaces and any mangled or non-ASCII character drop out, so
 * `Children’s`, `Childrens` and `Childrenƒ??s` compare equal.
 */
export function nameKey(name: string): string {
	return name
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

/** The longest name part of a record id, in characters. */
export const ID_NAME_MAX = 60;

/**
 * The readable part of a record id: `Children’s Hospital, Inc.` → `childrens-hospital-inc`.
 * Apostrophes and anything outside ASCII drop out without a hyphen, every other run of
 * punctuation becomes one hyphen, and a long name is cut at a hyphen.
 */
export function nameSlug(name: string): string {
	const slug = name
		.normalize('NFKD')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/['’‘`´?]|[^\x00-\x7f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= ID_NAME_MAX) return slug || 'unnamed';
	const cut = slug.slice(0, ID_NAME_MAX + 1);
	return cut.slice(0, cut.lastIndexOf('-')) || cut.slice(0, ID_NAME_MAX);
}

/** Similarity of two name keys from 0 to 1 (Dice coefficient over letter pairs). */
export function nameSimilarity(a: string, b: string): number {
	if (a === b) return 1;
	if (a.length < 2 || b.length < 2) return 0;
	const pairs = new Map<string, number>();
	for (let i = 0; i < a.length - 1; i++) pairs.set(a.slice(i, i + 2), (pairs.get(a.slice(i, i + 2)) ?? 0) + 1);
	let shared = 0;
	for (let i = 0; i < b.length - 1; i++) {
		const pair = b.slice(i, i + 2);
		const left = pairs.get(pair) ?? 0;
		if (left > 0) {
			shared++;
			pairs.set(pair, left - 1);
		}
	}
	return (2 * shared) / (a.length - 1 + b.length - 1);
}
