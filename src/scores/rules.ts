import { addDays, localDate, zonedInstant } from '../time/zonedTime.js';

/** Leaderboard periods, in the guild's time zone. */
export const PERIODS = ['week', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABEL: Readonly<Record<Period, string>> = {
	week: 'This week',
	month: 'This month',
	all: 'All time',
};

const MIDNIGHT = { hour: 0, minute: 0 };

/** Where a period starts: Monday 00:00 of the ISO week, or the 1st of the month, in the zone. */
export function periodStart(period: Period, now: Date, timeZone: string): Date | undefined {
	if (period === 'all') {
		return undefined;
	}
	const today = localDate(now, timeZone);
	if (period === 'month') {
		return zonedInstant(`${today.slice(0, 8)}01`, MIDNIGHT, timeZone);
	}
	const [year, month, day] = today.split('-').map(Number) as [number, number, number];
	const isoWeekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
	return zonedInstant(addDays(today, 1 - isoWeekday), MIDNIGHT, timeZone);
}

export interface StreakState {
	readonly current: number;
	readonly best: number;
	/** Local date of the last round of the current streak. */
	readonly lastDate: string | null;
}

export const NO_STREAK: StreakState = { current: 0, best: 0, lastDate: null };

/**
 * The streak after an answer to the round of `date`. A right answer extends the streak if the
 * member's last right answer was on the guild's previous round, else starts a new one; a wrong
 * answer resets it. The best streak is kept.
 */
export function nextStreak(
	state: StreakState,
	date: string,
	correct: boolean,
	previousRoundDate: string | undefined,
): StreakState {
	if (!correct) {
		return { current: 0, best: state.best, lastDate: null };
	}
	const current = state.lastDate !== null && state.lastDate === previousRoundDate ? state.current + 1 : 1;
	return { current, best: Math.max(state.best, current), lastDate: date };
}

/**
 * The streak as it stands now: still alive if it reaches the guild's latest round, or the one
 * before it while the latest is still open and unanswered by the member; otherwise a day was
 * missed and it is 0.
 */
export function liveStreak(
	state: Pick<StreakState, 'current' | 'lastDate'>,
	latestRounds: { readonly latest?: string; readonly previous?: string; readonly latestOpen: boolean },
	answeredLatest: boolean,
): number {
	if (state.lastDate === null || state.current === 0) {
		return 0;
	}
	if (state.lastDate === latestRounds.latest) {
		return state.current;
	}
	const stillToday = latestRounds.latestOpen && !answeredLatest;
	return stillToday && state.lastDate === latestRounds.previous ? state.current : 0;
}

export function accuracy(correct: number, answers: number): number {
	return answers === 0 ? 0 : correct / answers;
}
