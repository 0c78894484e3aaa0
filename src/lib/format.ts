/** Reader-facing formatting shared by pages, feeds and exports. */

/** A noun in the singular and the plural, so that a count is written with the right one. */
export interface Noun {
	one: string;
	many: string;
}

/** A noun whose plural adds an s, unless given: `noun('filing')`, `noun('case study', 'case studies')`. */
export const noun = (one: string, many = `${one}s`): Noun => ({ one, many });

/** The nouns counted across the site. */
export const CASE_STUDY = noun('case study', 'case studies');
export const FILING = noun('filing');
export const DAY = noun('day');
export const EXPORT = noun('export');
export const PERSON = noun('person', 'people');

/** The noun's form for a count of `n`: `plural(1, FILING)` → "filing". */
export const plural = (n: number, of: Noun) => (n === 1 ? of.one : of.many);

/** "13,400,000"; with a noun, "1 case study", "1,424 case studies". */
export function formatCount(n: number, of?: Noun): string {
	const figure = formatNumber(n);
	return of ? `${figure} ${plural(n, of)}` : figure;
}

/** A number as readers here write it, with thousands separators and at most `digits` decimals (three, as toLocaleString): "1,234.5". */
export function formatNumber(n: number, digits = 3): string {
	return numberFormat(digits).format(n);
}

// toLocaleString with options builds a new Intl.NumberFormat on every call (about 40 µs, 10 s over
// the register's pages); a formatter made once per precision or currency formats the same.
const numberFormats = new Map<string, Intl.NumberFormat>();
const cachedFormat = (key: string, options: Intl.NumberFormatOptions) => {
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat('en-US', options)));
	return format;
};
const numberFormat = (digits: number) => cachedFormat(`n${digits}`, { maximumFractionDigits: digits });

/** "12.5%": `part` of `of`, to one decimal; 0% of nothing. */
export const formatShare = (part: number, of: number) => `${formatNumber((100 * part) / Math.max(1, of), 1)}%`;

/** "13.4 million", "20,000": short form for headlines and charts. */
export function formatCountShort(n: number): string {
	if (n >= 1_000_000) return `${formatNumber(n / 1_000_000, 1)} million`;
	return formatCount(n);
}

/** "$16,000,000" in the given ISO currency. */
export function formatMoney(amount: number, currency = 'USD'): string {
	return cachedFormat(`c${currency}`, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** English list: "a, b and c", or "a, b or c". */
export function formatList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
