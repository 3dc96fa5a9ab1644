import { describe, expect, it } from 'vitest';
import { findMissedPosts } from '../../src/quiz/keepSchedules.js';
import type { PostFailure } from '../../src/quiz/postFailure.js';
import type { QuizRound } from '../../src/quiz/rounds.js';
import type { QuizSettings } from '../../src/quiz/settings.js';

const berlin: QuizSettings = {
	guildId: '111111111111111111',
	channelId: '222222222222222222',
	roleId: null,
	postTime: '09:00',
	timezone: 'Europe/Berlin',
	answerWindowHours: 2,
	status: 'active',
	recapEnabled: true,
	recapWeekday: 7,
	recapTime: '18:00',
	adminChannelId: null,
};

describe('findMissedPosts', () => {
	it('finds today’s post once its local time has passed and while its answer window is open', () => {
		// 09:30 in Berlin (UTC+1 in March).
		expect(findMissedPosts([berlin], new Map(), new Date('2026-03-10T08:30:00Z'))).toEqual([
			{ guildId: berlin.guildId, localDate: '2026-03-10', dueAt: new Date('2026-03-10T08:00:00Z') },
		]);
	});

	it('finds nothing before the post time, after the window, or when today already has a round', () => {
		expect(findMissedPosts([berlin], new Map(), new Date('2026-03-10T07:59:00Z'))).toEqual([]);
		expect(findMissedPosts([berlin], new Map(), new Date('2026-03-10T10:00:00Z'))).toEqual([]);
		expect(findMissedPosts([berlin], today({ messageId: '5' }), at)).toEqual([]);
	});

	const at = new Date('2026-03-10T08:30:00Z');
	const minutesAgo = (minutes: number) => new Date(at.getTime() - minutes * 60_000);
	const today = (round: Partial<QuizRound>): Map<string, QuizRound> =>
		new Map([
			[
				`${berlin.guildId}/2026-03-10`,
				{
					id: 1,
					guildId: berlin.guildId,
					localDate: '2026-03-10',
					questionId: 'q',
					topic: 't',
					optionOrder: [0, 1, 2],
					channelId: berlin.channelId,
					messageId: null,
					postClaimedAt: null,
					postAttempts: 0,
					postedAt: null,
					closesAt: at,
					closedAt: null,
					lastFailure: undefined,
					...round,
				},
			],
		]);
	const failed = (failure: PostFailure, failedMinutesAgo: number, retryAt?: Date): Partial<QuizRound> => ({
		postAttempts: 1,
		lastFailure: { failure, at: minutesAgo(failedMinutesAgo), retryAt, reportedAt: undefined },
	});

	it('posts a round nobody is posting: never claimed, or claimed by a worker that died', () => {
		expect(findMissedPosts([berlin], today({}), at)).toHaveLength(1);
		expect(findMissedPosts([berlin], today({ postClaimedAt: new Date(at.getTime() - 10_000) }), at)).toEqual([]);
		expect(findMissedPosts([berlin], today({ postClaimedAt: minutesAgo(1) }), at)).toHaveLength(1);
	});

	it('retries a temporary failure once the queue gave up on it, and not while it still retries', () => {
		const temporary: PostFailure = { kind: 'temporary', detail: '503' };
		expect(findMissedPosts([berlin], today(failed(temporary, 1, new Date(at.getTime() + 60_000))), at)).toEqual([]);
		expect(findMissedPosts([berlin], today(failed(temporary, 10, minutesAgo(5))), at)).toHaveLength(1);
		expect(findMissedPosts([berlin], today(failed(temporary, 10)), at)).toHaveLength(1);
	});

	it('looks again at a post waiting for access only after an hour, and never at a deleted channel', () => {
		const denied: PostFailure = { kind: 'missing-access', missing: ['Send Messages'] };
		expect(findMissedPosts([berlin], today(failed(denied, 10)), at)).toEqual([]);
		expect(findMissedPosts([berlin], today(failed(denied, 61)), at)).toHaveLength(1);
		expect(findMissedPosts([berlin], today(failed({ kind: 'channel-gone' }, 61)), at)).toEqual([]);
	});

	it('takes the local date in the guild’s zone, not in UTC', () => {
		const tokyo = { ...berlin, guildId: '333333333333333333', timezone: 'Asia/Tokyo', postTime: '08:00' };
		// 23:30 UTC on the 9th is 08:30 on the 10th in Tokyo.
		expect(findMissedPosts([tokyo], new Map(), new Date('2026-03-09T23:30:00Z'))).toEqual([
			{ guildId: tokyo.guildId, localDate: '2026-03-10', dueAt: new Date('2026-03-09T23:00:00Z') },
		]);
	});
});
