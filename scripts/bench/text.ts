/**
 * The words of the synthetic write-ups, from data/words.json, fixed there (not drawn from
 * content/) so that a corpus depends only on the seed and that file: names (`places`,
 * `orgSuffixes` by HIPAA role, `directions`, the `syllables` of invented names, the `rareTokens`
 * each found in one case), `recipients` of tracking code, vendors, `tags` (a few very common, then
 * a long tail), `systems`, two sentences per vector (`vectorStory`), three wordings of each of the
 * sections' fixed sentences (`sentences`, `{name}` or `{date|fallback}` filled in), and the generic
 * prose: 32 sentence `patterns` whose `{bank}` (or `{bank:lower}`) stands for a word of a `bank`.
 *
 * Each write-up writes its generic prose in its own voice (`voiceOf`), so that, as in the real
 * casebook, few words are on every page and most are on some; the Pagefind index then has a
 * realistic mix of large and small word chunks. `scripts/bench/profile.ts` compares the corpus
 * with the real write-ups.
 */
import words from './data/words.json' with { type: 'json' };
import type { Random } from './prng.ts';

type Lists = Record<string, string[]>;
export const WORDS = words as typeof words & { orgSuffixes: Lists; bank: Lists; vectorStory: Lists };

/** An invented name token such as "Brenavale". */
export function inventedToken(rng: Random): string {
	const t = WORDS.syllables.map((list) => rng.pick(list)).join('');
	return t[0]!.toUpperCase() + t.slice(1);
}

function lower(s: string): string {
	return /^[A-Z][a-z]/.test(s) && !/^(IT|HHS)\b/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/**
 * One write-up's voice: 8–12 of the sentence patterns and its share of each word bank. Entries
 * near the start of a bank are in more voices, so some words are common across the corpus and
 * most are not; within a write-up, the words of its voice recur, as an author's do.
 */
export function voiceOf(rng: Random) {
	const patterns = rng.shuffle(WORDS.patterns).slice(0, rng.int(8, 12));
	const banks: Lists = Object.fromEntries(
		Object.entries(WORDS.bank).map(([bank, list]) => {
			const share = rng.zipfSubset(rng.shuffle(list.slice(0, 4)).concat(list.slice(4)), 0.7, 0.5);
			return [bank, share.length >= 2 ? share : list.slice(0, 2)];
		}),
	);
	return { patterns, banks };
}

/** A generic sentence in a write-up's voice. */
export function fillerSentence(rng: Random, voice: ReturnType<typeof voiceOf>): string {
	return rng
		.pick(voice.patterns)
		.replace(/\{(\w+)(:lower)?\}/g, (_, bank: string, lowered?: string) => {
			const word = rng.pick(voice.banks[bank]!);
			return lowered ? lower(word) : word;
		})
		.replace(/\ba ([aeiou])/g, 'an $1');
}

/** Number of words in a text, ignoring markup. */
export function wordCount(text: string): number {
	return text
		.replace(/<[^>]+>/g, ' ')
		.split(/\s+/)
		.filter((w) => /\w/.test(w)).length;
}
