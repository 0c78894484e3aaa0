/**
 * The words of the synthetic write-ups, from data/words.json: word banks and sentence patterns,
 * fixed there (not drawn from content/) so that a corpus depends only on the seed and that file,
 * not on the real casebook.
 *
 * Names are sampled with a Zipf skew, and each write-up writes its generic prose from its own
 * share of the word banks (`voiceOf`), so that, as in the real casebook, few words are on every
 * page and most are on some; the Pagefind index then has a realistic mix of large and small word
 * chunks. `scripts/bench/profile.ts` compares the corpus with the real write-ups.
 */
import { readFileSync } from 'node:fs';
import type { Random } from './prng.ts';

/** data/words.json. */
interface Words {
	/** Place-like words for organization names. */
	places: string[];
	/** Type words for organization names, by HIPAA role. */
	orgSuffixes: Record<string, string[]>;
	/** Syllables of invented, distinctive name tokens (never forming the rare names). */
	syllables: [string[], string[], string[]];
	/** Tokens that appear in exactly one case each, for the "rare organization" query. */
	rareTokens: string[];
	/** Third parties that tracking code sent data to. */
	recipients: string[];
	/** Vendors, for business associates. */
	vendorWords: string[];
	/** Free tags: a long tail after a few very common ones. */
	tags: string[];
	/** Systems named in narratives. */
	systems: string[];
	/**
	 * Sentence parts for the generic narrative. Every write-up draws on its own share of each bank
	 * and of the sentence patterns (its `Voice`), as real authors and real incidents do, so that most
	 * words occur on some pages and not on others. Shared words are still weighted towards the start
	 * of each bank, so a few are common.
	 */
	bank: Record<string, string[]>;
	/** Generic sentences of 12–30 words, `{bank}` standing for a word and `{bank:lower}` for one in lowercase. */
	patterns: string[];
	/** Two narrative sentences per vector for "What happened", with {org}, {system}, {vendor}, {recipients}. */
	vectorStory: Record<string, string[]>;
	/** Words between a place and a suffix in organization names ("North"). */
	directions: string[];
	/** Vendors' legal forms. */
	vendorSuffixes: string[];
	/** The fixed sentences of the sections, three wordings each, with `{name}` or `{date|fallback}` filled in. */
	sentences: Record<
		| 'summaryOpen'
		| 'summaryData'
		| 'summaryDates'
		| 'exposedIntro'
		| 'exposedMix'
		| 'foundWhen'
		| 'foundHow'
		| 'notified'
		| 'lessonsIntro',
		string[]
	>;
}

export const WORDS = JSON.parse(readFileSync(new URL('data/words.json', import.meta.url), 'utf8')) as Words;

/** An invented name token such as "Brenavale". */
export function inventedToken(rng: Random): string {
	const t = WORDS.syllables.map((list) => rng.pick(list)).join('');
	return t[0]!.toUpperCase() + t.slice(1);
}

function lower(s: string): string {
	return /^[A-Z][a-z]/.test(s) && !/^(IT|HHS)\b/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/**
 * One write-up's voice: the sentence patterns it uses and its share of each word bank. Entries
 * near the start of a bank are in more voices, so some words are common across the corpus and
 * most are not; within a write-up, the words of its voice recur, as an author's do.
 */
export interface Voice {
	patterns: string[];
	banks: Record<string, string[]>;
}

export function voiceOf(rng: Random): Voice {
	const patterns = rng.shuffle(WORDS.patterns).slice(0, rng.int(8, 12));
	const banks = Object.fromEntries(
		Object.entries(WORDS.bank).map(([bank, list]) => {
			const share = rng.zipfSubset(rng.shuffle(list.slice(0, 4)).concat(list.slice(4)), 0.7, 0.5);
			return [bank, share.length >= 2 ? share : list.slice(0, 2)];
		}),
	);
	return { patterns, banks };
}

/** A generic sentence in a write-up's voice. */
export function fillerSentence(rng: Random, voice: Voice): string {
	return rng
		.pick(voice.patterns)
		.replace(/\{(\w+)(:lower)?\}/g, (_, bank: string, lowered?: string) => {
			const word = rng.pick(voice.banks[bank]!);
			return lowered ? lower(word) : word;
		})
		.replace(/\ba ([aeiou])/g, 'an $1');
}

export { MONTHS } from '../../src/schemas/partial-date.ts';

/** Number of words in a text, ignoring markup. */
export function wordCount(text: string): number {
	return text
		.replace(/<[^>]+>/g, ' ')
		.split(/\s+/)
		.filter((w) => /\w/.test(w)).length;
}
