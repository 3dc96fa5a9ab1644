import { Prisma, type PrismaClient } from '../db/client.js';
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

interface RawRow {
	rank: bigint;
	user_id: string;
	name: string | null;
	points: number;
	answers: number;
	correct: number;
	current_streak: number;
	streak_last_date: string | null;
}

export interface RecentRounds {
	readonly latest?: string;
	readonly previous?: string;
	readonly latestOpen: boolean;
	readonly latestRoundId?: number;
}

export async function recentRounds(prisma: PrismaClient, guildId: string, now: Date): Promise<RecentRounds> {
	const rounds = await prisma.quizRound.findMany({
		where: { guildId, postedAt: { lte: now } },
		orderBy: { localDate: 'desc' },
		take: 2,
		select: { id: true, localDate: true, closesAt: true, closedAt: true },
	});
	const [latest, previous] = rounds;
	return {
		...(latest ? { latest: latest.localDate, latestRoundId: latest.id } : {}),
		...(previous ? { previous: previous.localDate } : {}),
		latestOpen: latest?.closedAt === null && latest.closesAt.getTime() > now.getTime(),
	};
}

/** Which of these members have answered the guild's latest round (their streak is settled for it). */
export async function whoAnsweredLatest(
	prisma: PrismaClient,
	recent: RecentRounds,
	userIds: readonly string[],
): Promise<Set<string>> {
	if (recent.latestRoundId === undefined || userIds.length === 0) {
		return new Set();
	}
	const answers = await prisma.quizAnswer.findMany({
		where: { roundId: recent.latestRoundId, userId: { in: [...userIds] } },
		select: { userId: true },
	});
	return new Set(answers.map((answer) => answer.userId));
}

/**
 * Ranked members of a period: totals from `member_stats` for all time, summed from the answers
 * of the period otherwise. Ranks are shared by ties (1, 2, 2, 4); ties are listed in the order
 * the members reached their points.
 */
function rankedQuery(guildId: string, since: Date | undefined, until: Date): Prisma.Sql {
	if (since === undefined) {
		return Prisma.sql`
			SELECT s.user_id, s.points, s.answers, s.correct, s.current_streak, s.streak_last_date,
			       s.points_reached_at AS reached,
			       RANK() OVER (ORDER BY s.points DESC) AS rank
			FROM member_stats s
			WHERE s.guild_id = ${guildId} AND s.answers > 0`;
	}
	return Prisma.sql`
		SELECT t.user_id, t.points, t.answers, t.correct, s.current_streak, s.streak_last_date, t.reached,
		       RANK() OVER (ORDER BY t.points DESC) AS rank
		FROM (
			SELECT user_id, SUM(points)::int AS points, COUNT(*)::int AS answers,
			       COUNT(*) FILTER (WHERE correct)::int AS correct,
			       MAX(answered_at) FILTER (WHERE points > 0) AS reached
			FROM quiz_answers
			WHERE guild_id = ${guildId} AND answered_at >= ${since} AND answered_at <= ${until}
			GROUP BY user_id
		) t
		LEFT JOIN member_stats s ON s.guild_id = ${guildId} AND s.user_id = t.user_id`;
}

function withNames(ranked: Prisma.Sql, guildId: string): Prisma.Sql {
	return Prisma.sql`
		SELECT r.rank, r.user_id, m.display_name AS name, r.points, r.answers, r.correct,
		       COALESCE(r.current_streak, 0) AS current_streak, r.streak_last_date, r.reached
		FROM (${ranked}) r
		LEFT JOIN guild_members m ON m.guild_id = ${guildId} AND m.user_id = r.user_id`;
}

export interface PeriodOptions {
	readonly guildId: string;
	readonly timeZone: string;
	readonly period: Period;
	readonly now: Date;
}

function rankedMembers(options: PeriodOptions): Prisma.Sql {
	const since = periodStart(options.period, options.now, options.timeZone);
	return withNames(rankedQuery(options.guildId, since, options.now), options.guildId);
}

async function readerRows(prisma: PrismaClient, ranked: Prisma.Sql, userId: string): Promise<RawRow[]> {
	return prisma.$queryRaw<RawRow[]>`SELECT * FROM (${ranked}) x WHERE x.user_id = ${userId}`;
}

/** Raw rows as shown: ranks as numbers, names for members who left, streaks as they stand now. */
async function toLeaderboardRows(
	prisma: PrismaClient,
	options: PeriodOptions,
	rows: readonly RawRow[],
): Promise<LeaderboardRow[]> {
	const recent = await recentRounds(prisma, options.guildId, options.now);
	const answeredLatest = await whoAnsweredLatest(
		prisma,
		recent,
		rows.map((row) => row.user_id),
	);
	return rows.map((row) => ({
		rank: Number(row.rank),
		userId: row.user_id,
		name: row.name ?? `member ${row.user_id}`,
		points: row.points,
		answers: row.answers,
		correct: row.correct,
		streak: liveStreak(
			{ current: row.current_streak, lastDate: row.streak_last_date },
			recent,
			answeredLatest.has(row.user_id),
		),
	}));
}

/** One member's line in a period, without reading a page: what /stats needs for each period. */
export async function getMemberRank(
	prisma: PrismaClient,
	options: PeriodOptions & { readonly userId: string },
): Promise<LeaderboardRow | undefined> {
	const [row] = await toLeaderboardRows(
		prisma,
		options,
		await readerRows(prisma, rankedMembers(options), options.userId),
	);
	return row;
}

export async function getLeaderboard(
	prisma: PrismaClient,
	options: PeriodOptions & { readonly page: number; readonly readerId: string },
): Promise<Leaderboard> {
	const ranked = rankedMembers(options);
	const requested = Math.max(0, Math.trunc(options.page));
	const [{ members: counted } = { members: 0 }] = await prisma.$queryRaw<{ members: number }[]>`
		SELECT COUNT(*)::int AS members FROM (${ranked}) x`;
	const pageCount = Math.max(1, Math.ceil(counted / LEADERBOARD_PAGE_SIZE));
	const page = Math.min(requested, pageCount - 1);
	const [rows, reader] = await Promise.all([
		prisma.$queryRaw<
			RawRow[]
		>`${ranked} ORDER BY r.points DESC, r.reached ASC NULLS LAST, r.user_id LIMIT ${LEADERBOARD_PAGE_SIZE} OFFSET ${page * LEADERBOARD_PAGE_SIZE}`,
		readerRows(prisma, ranked, options.readerId),
	]);
	const shown = await toLeaderboardRows(prisma, options, [...rows, ...reader]);
	return {
		period: options.period,
		page,
		pageCount,
		members: counted,
		rows: shown.slice(0, rows.length),
		reader: shown[rows.length],
	};
}
