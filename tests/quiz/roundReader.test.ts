import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../src/db/client.js';
import { cachedRoundReader } from '../../src/quiz/rounds.js';

/** Only the one method the reader calls; counting the queries is the point. */
function countingPrisma(result: () => Promise<unknown>): { prisma: PrismaClient; queries: () => number } {
	let queries = 0;
	const stub = {
		quizRound: {
			findUnique: () => {
				queries += 1;
				return result();
			},
		},
	};
	// The stub stands in for the one Prisma method the reader uses.
	return { prisma: stub as unknown as PrismaClient, queries: () => queries };
}

describe('cachedRoundReader', () => {
	it('serves a burst of concurrent reads of one round with one query', async () => {
		const { prisma, queries } = countingPrisma(() => Promise.resolve({ id: 7 }));
		const read = cachedRoundReader(prisma, 2_000, () => 1_000);
		const rounds = await Promise.all(Array.from({ length: 500 }, () => read(7)));
		expect(rounds.every((round) => round?.id === 7)).toBe(true);
		expect(queries()).toBe(1);
	});

	it('reads again once the copy is older than its time to live, and per round', async () => {
		let clock = 1_000;
		const { prisma, queries } = countingPrisma(() => Promise.resolve({ id: 7 }));
		const read = cachedRoundReader(prisma, 2_000, () => clock);
		await read(7);
		clock += 1_999;
		await read(7);
		expect(queries()).toBe(1);
		clock += 1;
		await read(7);
		await read(8);
		expect(queries()).toBe(3);
	});

	it('does not keep a failed read', async () => {
		let fail = true;
		const { prisma, queries } = countingPrisma(() =>
			fail ? Promise.reject(new Error('database down')) : Promise.resolve({ id: 7 }),
		);
		const read = cachedRoundReader(prisma, 2_000, () => 1_000);
		await expect(read(7)).rejects.toThrow('database down');
		fail = false;
		expect(await read(7)).toEqual({ id: 7 });
		expect(queries()).toBe(2);
	});
});
