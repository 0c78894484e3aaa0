/** Reader-facing formatting shared by pages, feeds and exports. */

/** "13,400,000". */
export function formatCount(n: number): string {
	return n.toLocaleString('en-US');
}

/** "1 case study", "1,424 case studies". */
export const formatCaseStudies = (n: number) => `${formatCount(n)} case ${n === 1 ? 'study' : 'studies'}`;

/** "13.4 million", "20,000": short form for headlines and charts. */
export function formatCountShort(n: number): string {
	if (n >= 1_000_000) return `${(n / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} million`;
	return formatCount(n);
}

/** "$16,000,000" in the given ISO currency. */
export function formatMoney(amount: number, currency = 'USD'): string {
	return amount.toLocaleString('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
}

/** English list: "a, b and c". */
export function formatList(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
