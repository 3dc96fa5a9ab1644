import { describe, expect, it } from 'vitest';
import { cachedRoundReader } from '../../src/quiz/cachedRoundReader.js';
import type { QuizRound } from '../../src/quiz/rounds.js';

const ROUND: QuizRound = {
	id: 7,
	guildId: '1',
	localDate: '2026-03-10',
	questionId: 'q',
	topic: 't',
	optionOrder: [0, 1],
	channelId: '2',
	messageId: '3',
	postClaimedAt: new Date(0),
	postAttempts: 1,
	postedAt: new Date(0),
	closesAt: new Date(1),
	closedAt: null,
	lastFailure: undefined,
};

/** A reader that counts its reads: counting them is the point. */
function countingReader(result: () => Promise<QuizRound | undefined>) {
	let reads = 0;
	return {
		read: (roundId: number) => {
			reads += 1;
			return result().then((round) => round && { ...round, id: roundId });
		},
		reads: () => reads,
	};
}

describe('cachedRoundReader', () => {
	it('serves a burst of concurrent reads of one round with one read', async () => {
		const { read, reads } = countingReader(() => Promise.resolve(ROUND));
		const cached = cachedRoundReader(read, 2_000, () => 1_000);
		const rounds = await Promise.all(Array.from({ length: 500 }, () => cached(7)));
		expect(rounds.every((round) => round?.id === 7)).toBe(true);
		expect(reads()).toBe(1);
	});

	it('reads again once the copy is older than its time to live, and per round', async () => {
		let clock = 1_000;
		const { read, reads } = countingReader(() => Promise.resolve(ROUND));
		const cached = cachedRoundReader(read, 2_000, () => clock);
		await cached(7);
		clock += 1_999;
		await cached(7);
		expect(reads()).toBe(1);
		clock += 1;
		await cached(7);
		await cached(8);
		expect(reads()).toBe(3);
	});

	it('does not keep a failed read', async () => {
		let fail = true;
		const { read, reads } = countingReader(() =>
			fail ? Promise.reject(new Error('database down')) : Promise.resolve(ROUND),
		);
		const cached = cachedRoundReader(read, 2_000, () => 1_000);
		await expect(cached(7)).rejects.toThrow('database down');
		fail = false;
		expect((await cached(7))?.id).toBe(7);
		expect(reads()).toBe(2);
	});
});

describe('cachedRoundReader and rounds that are not answerable yet', () => {
	it('keeps neither an unknown round nor one whose post has not been claimed', async () => {
		let stored: QuizRound | undefined;
		const { read, reads } = countingReader(() => Promise.resolve(stored));
		const cached = cachedRoundReader(read, 2_000, () => 1_000);
		expect(await cached(7)).toBeUndefined();
		stored = { ...ROUND, postedAt: null, postClaimedAt: null };
		expect((await cached(7))?.postedAt).toBeNull();
		stored = ROUND;
		expect((await cached(7))?.postedAt).toEqual(ROUND.postedAt);
		await cached(7);
		expect(reads()).toBe(3);
	});
});
