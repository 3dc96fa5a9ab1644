import { isUniqueViolation, type PrismaClient } from '../db/client.js';
import { pickQuestion } from './pickQuestion.js';
import type { Question } from './questionBank.js';
import { NO_STREAK, nextStreak } from '../scores/rules.js';
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
): Promise<AnswerOutcome> {
	const round = await prisma.quizRound.findUnique({ where: { id: input.roundId } });
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
	const postedAt = round.postedAt;
	try {
		await prisma.$transaction(async (tx) => {
			await tx.quizAnswer.create({
				data: {
					roundId: round.id,
					guildId: round.guildId,
					userId: input.userId,
					choice: input.shownIndex,
					optionIndex,
					correct,
					points,
					responseMs: Math.max(0, input.now.getTime() - postedAt.getTime()),
					answeredAt: input.now,
				},
			});
			await tx.guildMember.upsert({
				where: { guildId_userId: { guildId: round.guildId, userId: input.userId } },
				create: { guildId: round.guildId, userId: input.userId, displayName: input.displayName },
				update: { displayName: input.displayName },
			});
			await updateMemberStats(tx, round, input, correct, points);
		});
	} catch (error) {
		if (!isUniqueViolation(error)) {
			throw error;
		}
		const earlier = await prisma.quizAnswer.findUnique({
			where: { roundId_userId: { roundId: round.id, userId: input.userId } },
		});
		return { status: 'already-answered', question, round, correct: earlier?.correct ?? false };
	}
	return { status: 'recorded', correct, points, question, round };
}

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Adds an answer to the member's running totals and streak, in the answer's transaction. */
async function updateMemberStats(
	tx: Transaction,
	round: QuizRound,
	input: AnswerInput,
	correct: boolean,
	points: number,
): Promise<void> {
	const key = { guildId_userId: { guildId: round.guildId, userId: input.userId } };
	const [existing, previousRound] = await Promise.all([
		tx.memberStats.findUnique({ where: key }),
		tx.quizRound.findFirst({
			where: { guildId: round.guildId, localDate: { lt: round.localDate } },
			orderBy: { localDate: 'desc' },
			select: { localDate: true },
		}),
	]);
	const streak = nextStreak(
		existing
			? { current: existing.currentStreak, best: existing.bestStreak, lastDate: existing.streakLastDate }
			: NO_STREAK,
		round.localDate,
		correct,
		previousRound?.localDate,
	);
	const totals = {
		points: (existing?.points ?? 0) + points,
		answers: (existing?.answers ?? 0) + 1,
		correct: (existing?.correct ?? 0) + (correct ? 1 : 0),
		currentStreak: streak.current,
		bestStreak: streak.best,
		streakLastDate: streak.lastDate,
		...(points > 0 || !existing ? { pointsReachedAt: input.now } : {}),
	};
	await tx.memberStats.upsert({
		where: key,
		create: { guildId: round.guildId, userId: input.userId, ...totals, pointsReachedAt: input.now },
		update: totals,
	});
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
