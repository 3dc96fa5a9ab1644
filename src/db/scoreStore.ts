import type {
	HardestQuestion,
	PeriodRange,
	RecentRounds,
	ScoreStore,
	Standing,
	StreakHolder,
	TopicResult,
} from '../scores/scoreStore.js';
import { Prisma, type PrismaClient } from './client.js';

interface StandingRow {
	rank: bigint;
	user_id: string;
	name: string | null;
	points: number;
	answers: number;
	correct: number;
	current_streak: number;
	streak_last_date: string | null;
}

function toStanding(row: StandingRow): Standing {
	return {
		rank: Number(row.rank),
		userId: row.user_id,
		name: row.name ?? undefined,
		points: row.points,
		answers: row.answers,
		correct: row.correct,
		streak: { current: row.current_streak, lastDate: row.streak_last_date },
	};
}

/**
 * Ranked members of a period: totals from `member_stats` for all time, summed from the answers
 * of the period otherwise, with names. Ranks are shared by ties (1, 2, 2, 4).
 */
function rankedMembers({ guildId, since, until }: PeriodRange): Prisma.Sql {
	const ranked =
		since === undefined
			? Prisma.sql`
				SELECT s.user_id, s.points, s.answers, s.correct, s.current_streak, s.streak_last_date,
				       s.points_reached_at AS reached,
				       RANK() OVER (ORDER BY s.points DESC) AS rank
				FROM member_stats s
				WHERE s.guild_id = ${guildId} AND s.answers > 0`
			: Prisma.sql`
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
	return Prisma.sql`
		SELECT r.rank, r.user_id, m.display_name AS name, r.points, r.answers, r.correct,
		       COALESCE(r.current_streak, 0) AS current_streak, r.streak_last_date, r.reached
		FROM (${ranked}) r
		LEFT JOIN guild_members m ON m.guild_id = ${guildId} AND m.user_id = r.user_id`;
}

/** Leaderboards, ranks, progress and recaps, read from Postgres. */
export class PrismaScoreStore implements ScoreStore {
	public constructor(private readonly prisma: PrismaClient) {}

	public async guildTimeZone(guildId: string): Promise<string | undefined> {
		const settings = await this.prisma.guildQuizSettings.findUnique({
			where: { guildId },
			select: { timezone: true },
		});
		return settings?.timezone;
	}

	public async countStandings(range: PeriodRange): Promise<number> {
		const [row] = await this.prisma.$queryRaw<{ members: number }[]>`
			SELECT COUNT(*)::int AS members FROM (${rankedMembers(range)}) x`;
		return row?.members ?? 0;
	}

	public async standingsPage(range: PeriodRange, offset: number, limit: number): Promise<Standing[]> {
		const rows = await this.prisma.$queryRaw<StandingRow[]>`
			${rankedMembers(range)} ORDER BY r.points DESC, r.reached ASC NULLS LAST, r.user_id LIMIT ${limit} OFFSET ${offset}`;
		return rows.map(toStanding);
	}

	public async standingOf(range: PeriodRange, userId: string): Promise<Standing | undefined> {
		const [row] = await this.prisma.$queryRaw<StandingRow[]>`
			SELECT * FROM (${rankedMembers(range)}) x WHERE x.user_id = ${userId}`;
		return row && toStanding(row);
	}

	public async recentRounds(guildId: string, now: Date): Promise<RecentRounds> {
		const rounds = await this.prisma.quizRound.findMany({
			// Posted rounds only: a round being posted (or whose post failed) does not count for streaks yet.
			where: { guildId, messageId: { not: null }, postedAt: { lte: now } },
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

	public async answeredRound(roundId: number, userIds: readonly string[]): Promise<Set<string>> {
		const answers = await this.prisma.quizAnswer.findMany({
			where: { roundId, userId: { in: [...userIds] } },
			select: { userId: true },
		});
		return new Set(answers.map((answer) => answer.userId));
	}

	public async memberRecord(
		guildId: string,
		userId: string,
	): Promise<{ readonly name: string | undefined; readonly bestStreak: number }> {
		const [stats, member] = await Promise.all([
			this.prisma.memberStats.findUnique({ where: { guildId_userId: { guildId, userId } } }),
			this.prisma.guildMember.findUnique({ where: { guildId_userId: { guildId, userId } } }),
		]);
		return { name: member?.displayName, bestStreak: stats?.bestStreak ?? 0 };
	}

	public async topicResults(guildId: string, userId: string): Promise<TopicResult[]> {
		const [topicRows, wrongRows] = await Promise.all([
			this.prisma.$queryRaw<{ topic: string; answers: number; correct: number }[]>`
				SELECT r.topic, COUNT(*)::int AS answers, COUNT(*) FILTER (WHERE a.correct)::int AS correct
				FROM quiz_answers a JOIN quiz_rounds r ON r.id = a.round_id
				WHERE a.guild_id = ${guildId} AND a.user_id = ${userId}
				GROUP BY r.topic ORDER BY r.topic`,
			this.prisma.$queryRaw<{ topic: string; question_id: string }[]>`
				SELECT DISTINCT ON (r.topic) r.topic, r.question_id
				FROM quiz_answers a JOIN quiz_rounds r ON r.id = a.round_id
				WHERE a.guild_id = ${guildId} AND a.user_id = ${userId} AND NOT a.correct
				ORDER BY r.topic, a.answered_at DESC`,
		]);
		const lastWrong = new Map(wrongRows.map((row) => [row.topic, row.question_id]));
		return topicRows.map((row) => ({ ...row, lastWrongQuestionId: lastWrong.get(row.topic) }));
	}

	public async streakHolders(guildId: string, limit: number): Promise<StreakHolder[]> {
		const rows = await this.prisma.$queryRaw<
			{ user_id: string; name: string | null; current_streak: number; streak_last_date: string | null }[]
		>`
			SELECT s.user_id, m.display_name AS name, s.current_streak, s.streak_last_date
			FROM member_stats s LEFT JOIN guild_members m ON m.guild_id = s.guild_id AND m.user_id = s.user_id
			WHERE s.guild_id = ${guildId} AND s.current_streak > 0
			ORDER BY s.current_streak DESC, s.points_reached_at ASC
			LIMIT ${limit}`;
		return rows.map((row) => ({
			userId: row.user_id,
			name: row.name ?? undefined,
			streak: { current: row.current_streak, lastDate: row.streak_last_date },
		}));
	}

	public async hardestQuestion(guildId: string, since: Date, until: Date): Promise<HardestQuestion | undefined> {
		const [row] = await this.prisma.$queryRaw<{ question_id: string; answers: number; correct: number }[]>`
			SELECT r.question_id, COUNT(a.id)::int AS answers, COUNT(a.id) FILTER (WHERE a.correct)::int AS correct
			FROM quiz_rounds r JOIN quiz_answers a ON a.round_id = r.id
			WHERE r.guild_id = ${guildId} AND r.posted_at >= ${since} AND r.posted_at <= ${until}
			GROUP BY r.id, r.question_id
			ORDER BY COUNT(a.id) FILTER (WHERE a.correct)::float / COUNT(a.id) ASC, COUNT(a.id) DESC
			LIMIT 1`;
		return row && { questionId: row.question_id, answers: row.answers, correct: row.correct };
	}
}
