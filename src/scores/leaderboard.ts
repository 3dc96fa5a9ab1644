import type { ScoreDependencies } from './scoreDependencies.js';
import type { PeriodRange, RecentRounds, ScoreStore, Standing } from './scoreStore.js';
import { liveStreak, periodStart, type Period } from './rules.js';

export const LEADERBOARD_PAGE_SIZE = 10;

export interface LeaderboardRow {
	readonly rank: number;
	readonly userId: string;
	/** Last known name; members who left keep theirs. */
	readonly name: string;
	readonly points: number;
	readonly answers: number;
	readonly correct: number;
	/** The streak as it stands now. */
	readonly streak: number;
}

export interface Leaderboard {
	readonly period: Period;
	readonly page: number;
	readonly pageCount: number;
	readonly members: number;
	readonly rows: readonly LeaderboardRow[];
	/** The reader's own line, wherever it is; undefined when they have no answer in the period. */
	readonly reader: LeaderboardRow | undefined;
}

/** The guild's time zone for periods: the quiz's, or UTC before the quiz is set up. */
export async function timeZoneOf(scores: ScoreStore, guildId: string): Promise<string> {
	return (await scores.guildTimeZone(guildId)) ?? 'UTC';
}

export function periodRange(guildId: string, period: Period, now: Date, timeZone: string): PeriodRange {
	return { guildId, since: periodStart(period, now, timeZone), until: now };
}

/** Which of these members have answered the guild's latest round (their streak is settled for it). */
export async function whoAnsweredLatest(
	scores: ScoreStore,
	recent: RecentRounds,
	userIds: readonly string[],
): Promise<ReadonlySet<string>> {
	return recent.latestRoundId === undefined || userIds.length === 0
		? new Set<string>()
		: scores.answeredRound(recent.latestRoundId, userIds);
}

/** Stored standings as shown: names for members who left, streaks as they stand now. */
export async function toLeaderboardRows(
	scores: ScoreStore,
	guildId: string,
	now: Date,
	standings: readonly Standing[],
): Promise<LeaderboardRow[]> {
	const recent = await scores.recentRounds(guildId, now);
	const answeredLatest = await whoAnsweredLatest(
		scores,
		recent,
		standings.map((standing) => standing.userId),
	);
	return standings.map((standing) => ({
		rank: standing.rank,
		userId: standing.userId,
		name: standing.name ?? `member ${standing.userId}`,
		points: standing.points,
		answers: standing.answers,
		correct: standing.correct,
		streak: liveStreak(standing.streak, recent, answeredLatest.has(standing.userId)),
	}));
}

/** One member's line in a period, without reading a page: what /stats needs for each period. */
export async function getMemberRank(
	scores: ScoreStore,
	options: {
		readonly guildId: string;
		readonly userId: string;
		readonly period: Period;
		readonly now: Date;
		readonly timeZone: string;
	},
): Promise<LeaderboardRow | undefined> {
	const range = periodRange(options.guildId, options.period, options.now, options.timeZone);
	const standing = await scores.standingOf(range, options.userId);
	const [row] = await toLeaderboardRows(scores, options.guildId, options.now, standing ? [standing] : []);
	return row;
}

export interface LeaderboardRequest {
	readonly guildId: string;
	readonly period: Period;
	/** 0-based; clamped into range. */
	readonly page: number;
	/** Whose own line to show below the page. */
	readonly readerId: string;
}

/** `/leaderboard`: one page of a period's ranking with the reader's own line. */
export async function getLeaderboard(
	deps: Pick<ScoreDependencies, 'scores' | 'clock'>,
	request: LeaderboardRequest,
	now = deps.clock(),
): Promise<Leaderboard> {
	const { scores } = deps;
	const range = periodRange(request.guildId, request.period, now, await timeZoneOf(scores, request.guildId));
	const counted = await scores.countStandings(range);
	const pageCount = Math.max(1, Math.ceil(counted / LEADERBOARD_PAGE_SIZE));
	const page = Math.min(Math.max(0, Math.trunc(request.page)), pageCount - 1);
	const [rows, reader] = await Promise.all([
		scores.standingsPage(range, page * LEADERBOARD_PAGE_SIZE, LEADERBOARD_PAGE_SIZE),
		scores.standingOf(range, request.readerId),
	]);
	const shown = await toLeaderboardRows(scores, request.guildId, now, reader ? [...rows, reader] : rows);
	return {
		period: request.period,
		page,
		pageCount,
		members: counted,
		rows: shown.slice(0, rows.length),
		reader: shown[rows.length],
	};
}
