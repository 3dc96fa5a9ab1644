import type { StreakState } from './rules.js';

/** A member's totals in a period with their rank, as stored: the streak is as last recorded. */
export interface Standing {
	readonly rank: number;
	readonly userId: string;
	/** Last known name; undefined for a member never seen with one. */
	readonly name: string | undefined;
	readonly points: number;
	readonly answers: number;
	readonly correct: number;
	readonly streak: Pick<StreakState, 'current' | 'lastDate'>;
}

/** A guild's answers between two instants; `since` undefined means all time. */
export interface PeriodRange {
	readonly guildId: string;
	readonly since: Date | undefined;
	readonly until: Date;
}

/** The guild's two latest posted rounds: what decides whether a streak is still alive. */
export interface RecentRounds {
	readonly latest?: string;
	readonly previous?: string;
	readonly latestOpen: boolean;
	readonly latestRoundId?: number;
}

export interface TopicResult {
	readonly topic: string;
	readonly answers: number;
	readonly correct: number;
	/** The question of this topic the member most recently got wrong. */
	readonly lastWrongQuestionId: string | undefined;
}

export interface StreakHolder {
	readonly userId: string;
	readonly name: string | undefined;
	readonly streak: Pick<StreakState, 'current' | 'lastDate'>;
}

export interface HardestQuestion {
	readonly questionId: string;
	readonly answers: number;
	readonly correct: number;
}

/**
 * Where scores are read from (Postgres in production: `src/db`). Ranks are shared by ties
 * (1, 2, 2, 4) and ties are listed in the order the members reached their points.
 */
export interface ScoreStore {
	/** The zone periods are counted in: the guild's quiz zone, undefined before setup. */
	guildTimeZone(guildId: string): Promise<string | undefined>;
	countStandings(range: PeriodRange): Promise<number>;
	standingsPage(range: PeriodRange, offset: number, limit: number): Promise<Standing[]>;
	standingOf(range: PeriodRange, userId: string): Promise<Standing | undefined>;
	recentRounds(guildId: string, now: Date): Promise<RecentRounds>;
	/** Which of these members answered the round. */
	answeredRound(roundId: number, userIds: readonly string[]): Promise<Set<string>>;
	memberRecord(
		guildId: string,
		userId: string,
	): Promise<{ readonly name: string | undefined; readonly bestStreak: number }>;
	topicResults(guildId: string, userId: string): Promise<TopicResult[]>;
	/** Members with the longest recorded streaks, longest first. */
	streakHolders(guildId: string, limit: number): Promise<StreakHolder[]>;
	/** The round answered worst between two instants. */
	hardestQuestion(guildId: string, since: Date, until: Date): Promise<HardestQuestion | undefined>;
}
