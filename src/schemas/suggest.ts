import { slugify } from './slug.ts';

/** Edit distance between two strings: insertions, deletions, substitutions and swaps of neighbours ("Qoute"). */
export function editDistance(a: string, b: string): number {
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
	for (let j = 1; j <= b.length; j++) d[0]![j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
		}
	}
	return d[a.length]![b.length]!;
}

/** The closest candidate to a mistyped value, or undefined when none is plausibly meant. */
export function closestMatch(input: unknown, candidates: readonly string[]): string | undefined {
	if (typeof input !== 'string' || input.length === 0) return undefined;
	const wanted = slugify(input);
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		if (candidate === wanted) return candidate;
		// An abbreviation such as "tracking-tech" is a prefix of what was meant.
		if (wanted.length >= 4 && candidate.startsWith(wanted)) return candidate;
		// "emails" should find "email-addresses": compare with the first word of a term too.
		const head = candidate.split('-')[0]!;
		const distance = Math.min(
			editDistance(wanted, candidate),
			head.length >= 4 ? editDistance(wanted, head) : Infinity,
		);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	const tolerance = Math.max(1, Math.floor(wanted.length / 3));
	return bestDistance <= tolerance && bestDistance < wanted.length ? best : undefined;
}
