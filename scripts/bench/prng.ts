/**
 * A small seeded pseudo-random generator (mulberry32) and the sampling helpers the synthetic
 * corpus needs. Deterministic for a given seed, with no dependency.
 */

export class Random {
	#state: number;

	/** Seeded by a string, hashed to 32 bits (FNV-1a). */
	constructor(seed: string) {
		let h = 0x811c9dc5;
		for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
		this.#state = h >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.#state = (this.#state + 0x6d2b79f5) >>> 0;
		let t = this.#state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	/** One element, uniformly. */
	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.next() * list.length)]!;
	}

	/** One element, with probability proportional to 1/rank^s (the first element is the most likely). */
	zipf<T>(list: readonly T[], s = 1): T {
		let total = 0;
		for (let k = 1; k <= list.length; k++) total += 1 / k ** s;
		let r = this.next() * total;
		for (let k = 1; k <= list.length; k++) {
			r -= 1 / k ** s;
			if (r <= 0) return list[k - 1]!;
		}
		return list[list.length - 1]!;
	}

	/** Each element independently, with probability top/rank^s; never more than `max`. */
	zipfSubset<T>(list: readonly T[], top: number, s: number, max = list.length): T[] {
		const out: T[] = [];
		list.forEach((item, i) => {
			if (out.length < max && this.chance(top / (i + 1) ** s)) out.push(item);
		});
		return out;
	}

	/** A normally distributed number (Box–Muller). */
	normal(mean: number, sd: number): number {
		const u = 1 - this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** A copy in random order. */
	shuffle<T>(list: readonly T[]): T[] {
		const out = [...list];
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j]!, out[i]!];
		}
		return out;
	}

	/** `n` distinct elements (or all, if fewer). */
	sample<T>(list: readonly T[], n: number): T[] {
		return this.shuffle(list).slice(0, n);
	}
}
