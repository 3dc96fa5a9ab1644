import { isUniqueViolation, type PrismaClient } from '../db/client.js';
import { pickQuestion } from './pickQuestion.js';
import type { Question } from './questionBank.js';
import { pointsFor } from './scoring.js';
import { seededPermutation } from './seededRandom.js';
import type { QuizSettings } from './settings.js';

export interface QuizRound {
	readonly id: number;
	readonly guildId: string;
	readonly localDate: string;
	readonly questionId: string;
	readonly topic: string;
	readonly optionOrder: readonly number[];
	readonly channelId: string;
	readonly messageId: string | null;
	readonly postedAt: Date | null;
	readonly closesAt: Date;
	readonly closedAt: Date | null;
}

/** A claim on posting older than this is taken to belong to a worker that died. */
export const POST_CLAIM_TIMEOUT_MS = 30_000;

/**
 * The guild's round for a local date: the existing one, or a new one with the next question
 * and its options in a shuffled order, both fixed by the guild and the date. Two workers may
 * race here; the unique (guild, date) constraint lets one row win and both return it.
 */
export async function prepareRound(
	prisma: PrismaClient,
	bank: readonly Question[],
	settings: QuizSettings,
	localDate: string,
	now: Date,
): Promise<{ round: QuizRound; question: Question } | undefined> {
	const byId = new Map(bank.map((question) => [question.id, question]));
	const existing = await prisma.quizRound.findUnique({
		where: { guildId_localDate: { guildId: settings.guildId, localDate } },
	});
	if (existing) {
		const question = byId.get(existing.questionId);
		return question && { round: existing, question };
	}
	const history = await prisma.quizRound.findMany({
		where: { guildId: settings.guildId },
		orderBy: { localDate: 'asc' },
		select: { questionId: true },
	});
	const question = pickQuestion(
		bank,
		history.map((round) => round.questionId),
		settings.guildId,
		localDate,
	);
	if (!question) {
		return undefined;
	}
	try {
		const round = await prisma.quizRound.create({
			data: {
				guildId: settings.guildId,
				localDate,
				questionId: question.id,
				topic: question.topic,
				optionOrder: seededPermutation(question.options.length, `${settings.guildId}:${localDate}:options`),
				channelId: settings.channelId,
				closesAt: new Date(now.getTime() + settings.answerWindowHours * 3_600_000),
			},
		});
		return { round, question };
	} catch (error) {
		if (!isUniqueViolation(error)) {
			throw error;
		}
		const winner = await prisma.quizRound.findUniqueOrThrow({
			where: { guildId_localDate: { guildId: settings.guildId, localDate } },
		});
		const winnerQuestion = byId.get(winner.questionId);
		return winnerQuestion && { round: winner, question: winnerQuestion };
	}
}

/** Takes the right to post a round; only one worker gets it while the claim is fresh. */
export async function claimRoundPost(prisma: PrismaClient, roundId: number, now: Date): Promise<boolean> {
	const { count } = await prisma.quizRound.updateMany({
		where: {
			id: roundId,
			messageId: null,
			OR: [{ postClaimedAt: null }, { postClaimedAt: { lt: new Date(now.getTime() - POST_CLAIM_TIMEOUT_MS) } }],
		},
		data: { postClaimedAt: now },
	});
	return count === 1;
}

/** Records the posted message; the answer window starts when the question is posted. */
export async function markRoundPosted(
	prisma: PrismaClient,
	roundId: number,
	messageId: string,
	postedAt: Date,
	answerWindowHours: number,
): Promise<QuizRound> {
	return prisma.quizRound.update({
		where: { id: roundId },
		data: { messageId, postedAt, closesAt: new Date(postedAt.getTime() + answerWindowHours * 3_600_000) },
	});
}

export type AnswerOutcome =
	| {
			readonly status: 'recorded';
			readonly correct: boolean;
			readonly points: number;
			readonly question: Question;
			readonly round: QuizRound;
	  }
	| {
			readonly status: 'already-answered';
			readonly question: Question;
			readonly round: QuizRound;
			readonly correct: boolean;
	  }
	| { readonly status: 'closed'; readonly question: Question; readonly round: QuizRound }
	| { readonly status: 'unknown-round' }
	| { readonly status: 'invalid-choice' };

type RoundRow = NonNullable<Awaited<ReturnType<PrismaClient['quizRound']['findUnique']>>>;

/** Reads a round by id, or null. */
export type RoundReader = (roundId: number) => Promise<RoundRow | null>;

/**
 * A round reader for a burst of clicks: concurrent reads of one round share one query, and a
 * read round is reused for `ttlMs`. Safe because an answer's acceptance is decided by the
 * round's `closesAt`, fixed when the round is posted, not by when the close job ran.
 */
export function cachedRoundReader(prisma: PrismaClient, ttlMs = 2_000, now = Date.now): RoundReader {
	const cache = new Map<number, { readonly round: Promise<RoundRow | null>; readonly expires: number }>();
	return (roundId) => {
		const cached = cache.get(roundId);
		if (cached && cached.expires > now()) {
			return cached.round;
		}
		const round = prisma.quizRound.findUnique({ where: { id: roundId } });
		cache.set(roundId, { round, expires: now() + ttlMs });
		// A failed read is not kept: the next click asks the database again.
		round.catch(() => cache.delete(roundId));
		for (const [id, entry] of cache) {
			if (entry.expires <= now()) {
				cache.delete(id);
			}
		}
		return round;
	};
}

export interface AnswerInput {
	readonly roundId: number;
	readonly guildId: string | null;
	readonly userId: string;
	readonly displayName: string;
	/** Position of the clicked button as shown. */
	readonly shownIndex: number;
	readonly now: Date;
}

/**
 * Records a member's click: one answer per member and round, enforced by a unique constraint,
 * so concurrent double clicks store one answer and the loser learns it already answered.
 */
export async function recordAnswer(
	prisma: PrismaClient,
	bank: ReadonlyMap<string, Question>,
	input: AnswerInput,
	readRound: RoundReader = (roundId) => prisma.quizRound.findUnique({ where: { id: roundId } }),
): Promise<AnswerOutcome> {
	const round = await readRound(input.roundId);
	const question = round && bank.get(round.questionId);
	if (!round || !question || round.guildId !== input.guildId || round.postedAt === null) {
		return { status: 'unknown-round' };
	}
	const optionIndex = round.optionOrder[input.shownIndex];
	if (optionIndex === undefined) {
		return { status: 'invalid-choice' };
	}
	if (round.closedAt !== null || input.now.getTime() >= round.closesAt.getTime()) {
		return { status: 'closed', question, round };
	}
	const correct = optionIndex === question.correctIndex;
	const points = pointsFor(correct, { postedAt: round.postedAt, closesAt: round.closesAt, answeredAt: input.now });
	const inserted = await insertAnswer(prisma, { ...round, postedAt: round.postedAt }, input, {
		optionIndex,
		correct,
		points,
	});
	if (!inserted) {
		const current = await prisma.quizRound.findUnique({ where: { id: round.id } });
		if (current?.closedAt) {
			return { status: 'closed', question, round: current };
		}
		const earlier = await prisma.quizAnswer.findUnique({
			where: { roundId_userId: { roundId: round.id, userId: input.userId } },
		});
		return { status: 'already-answered', question, round, correct: earlier?.correct ?? false };
	}
	return { status: 'recorded', correct, points, question, round };
}

/**
 * Stores an answer, the member's last known name and their running totals in one statement:
 * one round trip per click, so a burst of thousands of clicks a second keeps up. Returns false
 * when the member had already answered this round, or the round has closed (nothing changes then).
 *
 * The streak follows `nextStreak` in scores/rules.ts: a right answer extends the streak when the member's
 * last right answer was on the guild's previous round, else starts at 1; a wrong one resets it.
 * Tests check that the two agree.
 */
async function insertAnswer(
	prisma: PrismaClient,
	round: Pick<QuizRound, 'id' | 'guildId' | 'localDate'> & { readonly postedAt: Date },
	input: AnswerInput,
	answer: { optionIndex: number; correct: boolean; points: number },
): Promise<boolean> {
	const { optionIndex, correct, points } = answer;
	const responseMs = Math.max(0, input.now.getTime() - round.postedAt.getTime());
	const rows = await prisma.$queryRaw<{ inserted: number }[]>`
		WITH answer AS (
			INSERT INTO quiz_answers
				(round_id, guild_id, user_id, choice, option_index, correct, points, response_ms, answered_at)
			SELECT ${round.id}, ${round.guildId}, ${input.userId}, ${input.shownIndex}, ${optionIndex}, ${correct},
				${points}, ${responseMs}, ${input.now}
			-- The round as stored decides, not the copy the caller read: a round closed since is closed.
			WHERE NOT EXISTS (SELECT 1 FROM quiz_rounds WHERE id = ${round.id} AND closed_at IS NOT NULL)
			ON CONFLICT (round_id, user_id) DO NOTHING
			RETURNING guild_id, user_id
		), member AS (
			INSERT INTO guild_members (guild_id, user_id, display_name, updated_at)
			SELECT guild_id, user_id, ${input.displayName}, ${input.now} FROM answer
			ON CONFLICT (guild_id, user_id)
			DO UPDATE SET display_name = EXCLUDED.display_name, updated_at = EXCLUDED.updated_at
		), previous_round AS (
			SELECT max(local_date) AS local_date FROM quiz_rounds
			WHERE guild_id = ${round.guildId} AND local_date < ${round.localDate}
		), stats AS (
			INSERT INTO member_stats AS existing
				(guild_id, user_id, points, answers, correct, current_streak, best_streak, streak_last_date, points_reached_at)
			SELECT guild_id, user_id, ${points}, 1, ${correct ? 1 : 0}, ${correct ? 1 : 0}, ${correct ? 1 : 0},
				${correct ? round.localDate : null}, ${input.now}
			FROM answer
			ON CONFLICT (guild_id, user_id) DO UPDATE SET
				points = existing.points + EXCLUDED.points,
				answers = existing.answers + 1,
				correct = existing.correct + EXCLUDED.correct,
				current_streak = CASE
					WHEN NOT ${correct} THEN 0
					WHEN existing.streak_last_date = (SELECT local_date FROM previous_round) THEN existing.current_streak + 1
					ELSE 1 END,
				best_streak = GREATEST(existing.best_streak, CASE
					WHEN NOT ${correct} THEN 0
					WHEN existing.streak_last_date = (SELECT local_date FROM previous_round) THEN existing.current_streak + 1
					ELSE 1 END),
				streak_last_date = EXCLUDED.streak_last_date,
				points_reached_at = CASE WHEN EXCLUDED.points > 0 THEN EXCLUDED.points_reached_at
					ELSE existing.points_reached_at END
		)
		SELECT count(*)::int AS inserted FROM answer`;
	return (rows[0]?.inserted ?? 0) > 0;
}

export interface RoundStats {
	readonly answers: number;
	readonly correct: number;
}

export async function roundStats(prisma: PrismaClient, roundId: number): Promise<RoundStats> {
	const [answers, correct] = await Promise.all([
		prisma.quizAnswer.count({ where: { roundId } }),
		prisma.quizAnswer.count({ where: { roundId, correct: true } }),
	]);
	return { answers, correct };
}

/** Marks a round closed; false when it already was. */
export async function markRoundClosed(prisma: PrismaClient, roundId: number, now: Date): Promise<boolean> {
	const { count } = await prisma.quizRound.updateMany({
		where: { id: roundId, closedAt: null },
		data: { closedAt: now },
	});
	return count === 1;
}

export async function getRound(prisma: PrismaClient, roundId: number): Promise<QuizRound | undefined> {
	return (await prisma.quizRound.findUnique({ where: { id: roundId } })) ?? undefined;
}

export async function getRoundFor(
	prisma: PrismaClient,
	guildId: string,
	localDate: string,
): Promise<QuizRound | undefined> {
	return (await prisma.quizRound.findUnique({ where: { guildId_localDate: { guildId, localDate } } })) ?? undefined;
}
