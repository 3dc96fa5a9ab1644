import { describe, expect, it } from 'vitest';
import { findMissedPosts } from '../../src/quiz/keepSchedules.js';
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
};

describe('findMissedPosts', () => {
	it('finds today’s post once its local time has passed and while its answer window is open', () => {
		// 09:30 in Berlin (UTC+1 in March).
		expect(findMissedPosts([berlin], new Set(), new Date('2026-03-10T08:30:00Z'))).toEqual([
			{ guildId: berlin.guildId, localDate: '2026-03-10', dueAt: new Date('2026-03-10T08:00:00Z') },
		]);
	});

	it('finds nothing before the post time, after the window, or when today already has a round', () => {
		expect(findMissedPosts([berlin], new Set(), new Date('2026-03-10T07:59:00Z'))).toEqual([]);
		expect(findMissedPosts([berlin], new Set(), new Date('2026-03-10T10:00:00Z'))).toEqual([]);
		expect(
			findMissedPosts([berlin], new Set([`${berlin.guildId}/2026-03-10`]), new Date('2026-03-10T08:30:00Z')),
		).toEqual([]);
	});

	it('takes the local date in the guild’s zone, not in UTC', () => {
		const tokyo = { ...berlin, guildId: '333333333333333333', timezone: 'Asia/Tokyo', postTime: '08:00' };
		// 23:30 UTC on the 9th is 08:30 on the 10th in Tokyo.
		expect(findMissedPosts([tokyo], new Set(), new Date('2026-03-09T23:30:00Z'))).toEqual([
			{ guildId: tokyo.guildId, localDate: '2026-03-10', dueAt: new Date('2026-03-09T23:00:00Z') },
		]);
	});
});
