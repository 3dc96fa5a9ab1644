import type { PrismaClient } from '../db/client.js';
import { getMemberRank, type LeaderboardRow } from './leaderboard.js';
import { accuracy, PERIODS, type Period } from './rules.js';

export interface TopicAccuracy {
	readonly topic: string;
	readonly answers: number;
	readonly correct: number;
	/** The question of this topic the member most recently got wrong, to suggest a note. */
	readonly lastWrongQuestionId: string | undefined;
}

export interface MemberProgress {
	readonly userId: string;
	readonly name: string;
	readonly allTime: LeaderboardRow | undefined;
	readonly bestStreak: number;
	readonly ranks: Readonly<Record<Period, LeaderboardRow | undefined>>;
	readonly topics: readonly TopicAccuracy[];
	/** Up to three topics with the lowest accuracy, weakest first. */
	readonly weakest: readonly TopicAccuracy[];
}

const WEAKEST_TOPICS = 3;

export async function getMemberProgress(
	prisma: PrismaClient,
	options: { guildId: string; userId: string; timeZone: string; now: Date; fallbackName: string },
): Promise<MemberProgress> {
	const [week, month, all] = await Promise.all(PERIODS.map((period) => getMemberRank(prisma, { ...options, period })));
	const [stats, member, topicRows, wrongRows] = await Promise.all([
		prisma.memberStats.findUnique({ where: { guildId_userId: { guildId: options.guildId, userId: options.userId } } }),
		prisma.guildMember.findUnique({ where: { guildId_userId: { guildId: options.guildId, userId: options.userId } } }),
		prisma.$queryRaw<{ topic: string; answers: number; correct: number }[]>`
			SELECT r.topic, COUNT(*)::int AS answers, COUNT(*) FILTER (WHERE a.correct)::int AS correct
			FROM quiz_answers a JOIN quiz_rounds r ON r.id = a.round_id
			WHERE a.guild_id = ${options.guildId} AND a.user_id = ${options.userId}
			GROUP BY r.topic ORDER BY r.topic`,
		prisma.$queryRaw<{ topic: string; question_id: string }[]>`
			SELECT DISTINCT ON (r.topic) r.topic, r.question_id
			FROM quiz_answers a JOIN quiz_rounds r ON r.id = a.round_id
			WHERE a.guild_id = ${options.guildId} AND a.user_id = ${options.userId} AND NOT a.correct
			ORDER BY r.topic, a.answered_at DESC`,
	]);
	const lastWrong = new Map(wrongRows.map((row) => [row.topic, row.question_id]));
	const topics = topicRows.map((row) => ({ ...row, lastWrongQuestionId: lastWrong.get(row.topic) }));
	const weakest = topics
		.filter((topic) => topic.correct < topic.answers)
		.sort(
			(left, right) =>
				accuracy(left.correct, left.answers) - accuracy(right.correct, right.answers) || right.answers - left.answers,
		)
		.slice(0, WEAKEST_TOPICS);
	return {
		userId: options.userId,
		name: member?.displayName ?? options.fallbackName,
		allTime: all,
		bestStreak: stats?.bestStreak ?? 0,
		ranks: { week, month, all },
		topics,
		weakest,
	};
}
