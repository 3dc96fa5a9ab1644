import { createHash } from 'node:crypto';

/** A number in [0, 1) that depends only on `seed`: the same guild and date give the same draw. */
export function seededFraction(seed: string): number {
	return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

/** A permutation of 0…n-1 that depends only on `seed` (Fisher–Yates on hashed draws). */
export function seededPermutation(length: number, seed: string): number[] {
	const order = Array.from({ length }, (_, index) => index);
	for (let index = length - 1; index > 0; index -= 1) {
		const swap = Math.floor(seededFraction(`${seed}:${index}`) * (index + 1));
		[order[index], order[swap]] = [order[swap] ?? index, order[index] ?? swap];
	}
	return order;
}
