import { getMemberRank, timeZoneOf, type LeaderboardRow } from './leaderboard.js';
import { accuracy, PERIODS, type Period } from './rules.js';
import type { ScoreDependencies } from './scoreDependencies.js';
import type { TopicResult } from './scoreStore.js';

export interface TopicAccuracy extends TopicResult {
	/** The note section of the question last got wrong, to suggest what to re-read. */
	readonly lastWrongSectionId: string | undefined;
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

export interface MemberProgressRequest {
	readonly guildId: string;
	readonly userId: string;
	/** The name to show for a member the guild has never seen answer. */
	readonly fallbackName: string;
}

/** `/stats`: a member's totals, ranks in every period, accuracy per topic and what to revise. */
export async function getMemberProgress(
	deps: Pick<ScoreDependencies, 'scores' | 'bank' | 'clock'>,
	request: MemberProgressRequest,
): Promise<MemberProgress> {
	const { scores } = deps;
	const now = deps.clock();
	const timeZone = await timeZoneOf(scores, request.guildId);
	const [week, month, all] = await Promise.all(
		PERIODS.map((period) => getMemberRank(scores, { ...request, period, now, timeZone })),
	);
	const [record, results] = await Promise.all([
		scores.memberRecord(request.guildId, request.userId),
		scores.topicResults(request.guildId, request.userId),
	]);
	const topics = results.map((topic) => ({
		...topic,
		lastWrongSectionId:
			topic.lastWrongQuestionId === undefined ? undefined : deps.bank.get(topic.lastWrongQuestionId)?.sectionId,
	}));
	const weakest = topics
		.filter((topic) => topic.correct < topic.answers)
		.sort(
			(left, right) =>
				accuracy(left.correct, left.answers) - accuracy(right.correct, right.answers) || right.answers - left.answers,
		)
		.slice(0, WEAKEST_TOPICS);
	return {
		userId: request.userId,
		name: record.name ?? request.fallbackName,
		allTime: all,
		bestStreak: record.bestStreak,
		ranks: { week, month, all },
		topics,
		weakest,
	};
}
