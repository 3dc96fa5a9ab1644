import type { QuizRound } from './rounds.js';

export type RoundReader = (roundId: number) => Promise<QuizRound | undefined>;

/**
 * A round reader for a burst of clicks: concurrent reads of one round share one read, and a
 * posted round is reused for `ttlMs`. Safe because an answer's acceptance is decided by the
 * round's `closesAt`, fixed when the round is posted, and the store checks the closing again.
 */
export function cachedRoundReader(read: RoundReader, ttlMs = 2_000, now = Date.now): RoundReader {
	const cache = new Map<number, { readonly round: Promise<QuizRound | undefined>; readonly expires: number }>();
	return (roundId) => {
		const cached = cache.get(roundId);
		if (cached && cached.expires > now()) {
			return cached.round;
		}
		const round = read(roundId);
		cache.set(roundId, { round, expires: now() + ttlMs });
		// Only an answerable round is kept: a failed read, an unknown round or one not posted yet
		// (a click can beat the worker storing the post) is asked for again by the next click.
		round.then(
			(found) => {
				if (found?.postedAt == null) {
					cache.delete(roundId);
				}
			},
			() => cache.delete(roundId),
		);
		for (const [id, entry] of cache) {
			if (entry.expires <= now()) {
				cache.delete(id);
			}
		}
		return round;
	};
}
