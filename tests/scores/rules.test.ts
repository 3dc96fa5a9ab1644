import { describe, expect, it } from 'vitest';
import { liveStreak, nextStreak, NO_STREAK, periodStart, type StreakState } from '../../src/scores/rules.js';

describe('periodStart', () => {
	it('starts the ISO week on Monday 00:00 in the guild’s zone', () => {
		// Sunday 2026-03-15 23:30 in Berlin is still the week of Monday 2026-03-09.
		expect(periodStart('week', new Date('2026-03-15T22:30:00Z'), 'Europe/Berlin')?.toISOString()).toBe(
			'2026-03-08T23:00:00.000Z',
		);
		// Half an hour later it is Monday 2026-03-16 in Berlin: a new week.
		expect(periodStart('week', new Date('2026-03-15T23:30:00Z'), 'Europe/Berlin')?.toISOString()).toBe(
			'2026-03-15T23:00:00.000Z',
		);
	});

	it('follows the DST change: the week after it starts at 00:00 summer time', () => {
		expect(periodStart('week', new Date('2026-04-01T12:00:00Z'), 'Europe/Berlin')?.toISOString()).toBe(
			'2026-03-29T22:00:00.000Z',
		);
		expect(periodStart('week', new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin')?.toISOString()).toBe(
			'2026-03-22T23:00:00.000Z',
		);
	});

	it('differs by zone for the same instant', () => {
		const instant = new Date('2026-03-16T03:00:00Z');
		expect(periodStart('week', instant, 'Asia/Tokyo')?.toISOString()).toBe('2026-03-15T15:00:00.000Z');
		expect(periodStart('week', instant, 'America/Los_Angeles')?.toISOString()).toBe('2026-03-09T07:00:00.000Z');
	});

	it('starts the month on the 1st at 00:00 local, and all time has no start', () => {
		expect(periodStart('month', new Date('2026-03-31T23:30:00Z'), 'Europe/Berlin')?.toISOString()).toBe(
			'2026-03-31T22:00:00.000Z',
		);
		expect(periodStart('month', new Date('2026-03-31T21:30:00Z'), 'Europe/Berlin')?.toISOString()).toBe(
			'2026-02-28T23:00:00.000Z',
		);
		expect(periodStart('all', new Date(), 'UTC')).toBeUndefined();
	});
});

describe('streaks', () => {
	const answer = (state: StreakState, date: string, correct: boolean, previous?: string) =>
		nextStreak(state, date, correct, previous);

	it('grows on consecutive quiz rounds answered right and keeps the best', () => {
		let state = answer(NO_STREAK, '2026-03-01', true);
		state = answer(state, '2026-03-02', true, '2026-03-01');
		state = answer(state, '2026-03-04', true, '2026-03-02');
		expect(state).toEqual({ current: 3, best: 3, lastDate: '2026-03-04' });
	});

	it('resets on a wrong answer, and on a missed round', () => {
		const three = { current: 3, best: 3, lastDate: '2026-03-03' };
		expect(answer(three, '2026-03-04', false, '2026-03-03')).toEqual({ current: 0, best: 3, lastDate: null });
		expect(answer(three, '2026-03-05', true, '2026-03-04')).toEqual({ current: 1, best: 3, lastDate: '2026-03-05' });
	});

	it('shows a streak as alive only while it reaches the latest round (or the one before while today’s is open)', () => {
		const state = { current: 4, lastDate: '2026-03-04' };
		expect(liveStreak(state, { latest: '2026-03-04', previous: '2026-03-03', latestOpen: false }, true)).toBe(4);
		expect(liveStreak(state, { latest: '2026-03-05', previous: '2026-03-04', latestOpen: true }, false)).toBe(4);
		expect(liveStreak(state, { latest: '2026-03-05', previous: '2026-03-04', latestOpen: false }, false)).toBe(0);
		expect(liveStreak(state, { latest: '2026-03-06', previous: '2026-03-05', latestOpen: true }, false)).toBe(0);
	});
});
