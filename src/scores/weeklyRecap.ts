import type { PrismaClient } from '../db/client.js';
import { localDate } from '../quiz/zonedTime.js';
import { getLeaderboard, recentRounds, whoAnsweredLatest, type LeaderboardRow } from './leaderboard.js';
import { liveStreak, periodStart } from './rules.js';

export interface HardestQuestion {
	readonly questionId: string;
	readonly answers: number;
	readonly correct: number;
}

export interface WeeklyRecap {
	/** Local date of the week's Monday. */
	readonly weekOf: string;
	readonly top: readonly LeaderboardRow[];
	/** Members on the longest streaks that are still alive. */
	readonly streaks: readonly { readonly userId: string; readonly name: string; readonly streak: number }[];
	readonly hardest: HardestQuestion | undefined;
}

const TOP_MEMBERS = 5;
const TOP_STREAKS = 3;

/** The week so far in a guild: its top members, its longest live streaks, its hardest question. */
export async function getWeeklyRecap(
	prisma: PrismaClient,
	options: { guildId: string; timeZone: string; now: Date },
): Promise<WeeklyRecap> {
	const weekStart = periodStart('week', options.now, options.timeZone) ?? options.now;
	const [week, streakRows, recent, hardest] = await Promise.all([
		getLeaderboard(prisma, { ...options, period: 'week', page: 0, readerId: '' }),
		prisma.$queryRaw<
			{ user_id: string; name: string | null; current_streak: number; streak_last_date: string | null }[]
		>`
			SELECT s.user_id, m.display_name AS name, s.current_streak, s.streak_last_date
			FROM member_stats s LEFT JOIN guild_members m ON m.guild_id = s.guild_id AND m.user_id = s.user_id
			WHERE s.guild_id = ${options.guildId} AND s.current_streak > 0
			ORDER BY s.current_streak DESC, s.points_reached_at ASC
			LIMIT 50`,
		recentRounds(prisma, options.guildId, options.now),
		prisma.$queryRaw<{ question_id: string; answers: number; correct: number }[]>`
			SELECT r.question_id, COUNT(a.id)::int AS answers, COUNT(a.id) FILTER (WHERE a.correct)::int AS correct
			FROM quiz_rounds r JOIN quiz_answers a ON a.round_id = r.id
			WHERE r.guild_id = ${options.guildId} AND r.posted_at >= ${weekStart} AND r.posted_at <= ${options.now}
			GROUP BY r.id, r.question_id
			ORDER BY COUNT(a.id) FILTER (WHERE a.correct)::float / COUNT(a.id) ASC, COUNT(a.id) DESC
			LIMIT 1`,
	]);
	const [row] = hardest;
	const answered = await whoAnsweredLatest(
		prisma,
		recent,
		streakRows.map((entry) => entry.user_id),
	);
	const streaks = streakRows
		.map((entry) => ({
			userId: entry.user_id,
			name: entry.name ?? `member ${entry.user_id}`,
			streak: liveStreak(
				{ current: entry.current_streak, lastDate: entry.streak_last_date },
				recent,
				answered.has(entry.user_id),
			),
		}))
		.filter((entry) => entry.streak > 0)
		.slice(0, TOP_STREAKS);
	return {
		weekOf: localDate(weekStart, options.timeZone),
		top: week.rows.slice(0, TOP_MEMBERS),
		streaks,
		hardest: row && { questionId: row.question_id, answers: row.answers, correct: row.correct },
	};
}
