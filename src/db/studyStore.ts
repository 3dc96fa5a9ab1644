import { ratingNumber, stateFromNumber, stateNumber, type StudyCard } from '../study/cards.js';
import type {
	AnswerToReview,
	NewPracticeSession,
	PracticeAnswer,
	PracticeSession,
	PlanningCard,
	ReviewComputer,
	ReviewReminder,
	StudyFootprint,
	StudyStore,
} from '../study/studyStore.js';
import type { Prisma, PrismaClient } from './client.js';
import type {
	PracticeSession as PracticeSessionRow,
	ReviewReminder as ReviewReminderRow,
	StudyCard as StudyCardRow,
} from './generated/client.js';

type Transaction = Prisma.TransactionClient;

/** Rows become domain values here, so nothing outside `src/db` sees a Prisma type. */
function toCard(row: StudyCardRow): StudyCard {
	return {
		questionId: row.questionId,
		state: stateFromNumber(row.state),
		due: row.due,
		stability: row.stability,
		difficulty: row.difficulty,
		scheduledDays: row.scheduledDays,
		learningSteps: row.learningSteps,
		reps: row.reps,
		lapses: row.lapses,
		lastReview: row.lastReview,
		suspendedAt: row.suspendedAt,
		leechAt: row.leechAt,
	};
}

function cardColumns(card: StudyCard) {
	return {
		state: stateNumber(card.state),
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		scheduledDays: card.scheduledDays,
		learningSteps: card.learningSteps,
		reps: card.reps,
		lapses: card.lapses,
		lastReview: card.lastReview,
		suspendedAt: card.suspendedAt,
		leechAt: card.leechAt,
	};
}

function toSession(row: PracticeSessionRow): PracticeSession {
	return {
		id: row.id,
		userId: row.userId,
		kind: row.kind === 'review' ? 'review' : 'practice',
		guildId: row.guildId,
		topic: row.topic,
		domain: row.domain,
		questionIds: row.questionIds,
		position: row.position,
		shownAt: row.shownAt,
		startedAt: row.startedAt,
		finishedAt: row.finishedAt,
	};
}

function toReminder(row: ReviewReminderRow): ReviewReminder {
	return {
		userId: row.userId,
		time: row.time,
		timezone: row.timezone,
		nextAt: row.nextAt,
		lastSentOn: row.lastSentOn,
		dmClosedAt: row.dmClosedAt,
	};
}

/** Locks the member's card for the rest of the transaction, so two answers never race on it. */
async function lockedCard(tx: Transaction, userId: string, questionId: string): Promise<StudyCard | undefined> {
	const rows = await tx.$queryRaw<StudyCardRow[]>`
		SELECT user_id AS "userId", question_id AS "questionId", state, due, stability, difficulty,
			scheduled_days AS "scheduledDays", learning_steps AS "learningSteps", reps, lapses,
			last_review AS "lastReview", suspended_at AS "suspendedAt", leech_at AS "leechAt"
		FROM study_cards WHERE user_id = ${userId} AND question_id = ${questionId} FOR UPDATE`;
	const [row] = rows;
	return row ? toCard(row) : undefined;
}

/** Writes the review log (unless this answer has one) and the card after it. */
async function review(
	tx: Transaction,
	answer: AnswerToReview,
	compute: ReviewComputer,
): Promise<'recorded' | 'duplicate'> {
	const previous = await lockedCard(tx, answer.userId, answer.questionId);
	const { card, review: log } = compute(previous);
	const inserted = await tx.$executeRaw`
		INSERT INTO review_logs (user_id, question_id, source, source_ref, guild_id, correct, rating,
			state_before, state_after, due_before, due_after, stability_before, stability_after,
			difficulty_before, difficulty_after, elapsed_days, scheduled_days, response_ms, reviewed_at)
		VALUES (${answer.userId}, ${answer.questionId}, ${answer.source}, ${answer.sourceRef}, ${answer.guildId},
			${log.correct}, ${ratingNumber(log.rating)}, ${stateNumber(log.stateBefore)}, ${stateNumber(log.stateAfter)},
			${log.dueBefore}, ${log.dueAfter}, ${log.stabilityBefore}, ${log.stabilityAfter}, ${log.difficultyBefore},
			${log.difficultyAfter}, ${log.elapsedDays}, ${log.scheduledDays}, ${answer.responseMs}, ${log.reviewedAt})
		ON CONFLICT (user_id, source_ref) DO NOTHING`;
	if (inserted === 0) {
		return 'duplicate';
	}
	const right = answer.correct ? 1 : 0;
	await tx.studyCard.upsert({
		where: { userId_questionId: { userId: answer.userId, questionId: answer.questionId } },
		create: {
			userId: answer.userId,
			questionId: answer.questionId,
			...cardColumns(card),
			answers: 1,
			correctAnswers: right,
		},
		update: { ...cardColumns(card), answers: { increment: 1 }, correctAnswers: { increment: right } },
	});
	return 'recorded';
}

export class PrismaStudyStore implements StudyStore {
	public constructor(private readonly prisma: PrismaClient) {}

	public async cardsOf(userId: string): Promise<StudyCard[]> {
		return (await this.prisma.studyCard.findMany({ where: { userId } })).map(toCard);
	}

	public async card(userId: string, questionId: string): Promise<StudyCard | undefined> {
		const row = await this.prisma.studyCard.findUnique({ where: { userId_questionId: { userId, questionId } } });
		return row ? toCard(row) : undefined;
	}

	public recordReview(answer: AnswerToReview, compute: ReviewComputer): Promise<'recorded' | 'duplicate'> {
		return this.prisma.$transaction((tx) => review(tx, answer, compute));
	}

	public async planningCards(userId: string): Promise<PlanningCard[]> {
		const rows = await this.prisma.$queryRaw<
			{ question_id: string; due: Date; suspended_at: Date | null; reps: number; answers: number; correct: number }[]
		>`
			SELECT question_id, due, suspended_at, reps, answers, correct_answers AS correct
			FROM study_cards WHERE user_id = ${userId}`;
		return rows.map((row) => ({
			questionId: row.question_id,
			due: row.due,
			suspendedAt: row.suspended_at,
			reps: row.reps,
			answers: row.answers,
			correct: row.correct,
		}));
	}

	public async saveCard(userId: string, card: StudyCard): Promise<void> {
		await this.prisma.studyCard.upsert({
			where: { userId_questionId: { userId, questionId: card.questionId } },
			create: { userId, questionId: card.questionId, ...cardColumns(card) },
			update: cardColumns(card),
		});
	}

	public dueCount(userId: string, now: Date): Promise<number> {
		return this.prisma.studyCard.count({ where: { userId, suspendedAt: null, reps: { gt: 0 }, due: { lte: now } } });
	}

	public async reviewTotals(userId: string, since: Date): Promise<{ answers: number; correct: number }> {
		const [answers, correct] = await Promise.all([
			this.prisma.reviewLog.count({ where: { userId, reviewedAt: { gte: since } } }),
			this.prisma.reviewLog.count({ where: { userId, reviewedAt: { gte: since }, correct: true } }),
		]);
		return { answers, correct };
	}

	public async timeZoneOf(userId: string, guildId: string | null): Promise<string | undefined> {
		const reminder = await this.prisma.reviewReminder.findUnique({ where: { userId }, select: { timezone: true } });
		if (reminder) {
			return reminder.timezone;
		}
		const settings =
			guildId === null
				? null
				: await this.prisma.guildQuizSettings.findUnique({ where: { guildId }, select: { timezone: true } });
		return settings?.timezone;
	}

	public async openDailyQuestions(guildId: string, now: Date): Promise<string[]> {
		const rounds = await this.prisma.quizRound.findMany({
			where: { guildId, closedAt: null, postedAt: { not: null }, closesAt: { gt: now } },
			select: { questionId: true },
		});
		return rounds.map((round) => round.questionId);
	}

	public async roundAnswers(roundId: number): Promise<AnswerToReview[]> {
		const answers = await this.prisma.quizAnswer.findMany({
			where: { roundId },
			select: {
				userId: true,
				guildId: true,
				correct: true,
				answeredAt: true,
				responseMs: true,
				round: { select: { questionId: true } },
			},
			orderBy: { id: 'asc' },
		});
		return answers.map((answer) => ({
			userId: answer.userId,
			questionId: answer.round.questionId,
			correct: answer.correct,
			answeredAt: answer.answeredAt,
			source: 'daily',
			sourceRef: `round:${String(roundId)}`,
			guildId: answer.guildId,
			responseMs: answer.responseMs,
		}));
	}

	public async createSession(session: NewPracticeSession): Promise<PracticeSession> {
		const row = await this.prisma.practiceSession.create({
			data: {
				userId: session.userId,
				kind: session.kind,
				guildId: session.guildId,
				topic: session.topic,
				domain: session.domain,
				questionIds: [...session.questionIds],
				shownAt: session.startedAt,
				startedAt: session.startedAt,
			},
		});
		return toSession(row);
	}

	public async session(id: number): Promise<PracticeSession | undefined> {
		const row = await this.prisma.practiceSession.findUnique({ where: { id } });
		return row ? toSession(row) : undefined;
	}

	public async sessionAnswers(id: number): Promise<PracticeAnswer[]> {
		const rows = await this.prisma.practiceAnswer.findMany({ where: { sessionId: id }, orderBy: { position: 'asc' } });
		return rows.map((row) => ({
			position: row.position,
			questionId: row.questionId,
			optionOrder: row.optionOrder,
			choices: row.choices,
			correct: row.correct,
			responseMs: row.responseMs,
			answeredAt: row.answeredAt,
		}));
	}

	public recordSessionAnswer(
		sessionId: number,
		answer: PracticeAnswer,
		reviewed: AnswerToReview,
		compute: ReviewComputer,
	): Promise<'recorded' | 'duplicate'> {
		return this.prisma.$transaction(async (tx) => {
			const inserted = await tx.$executeRaw`
				INSERT INTO practice_answers (session_id, position, question_id, option_order, choices, correct, response_ms, answered_at)
				VALUES (${sessionId}, ${answer.position}, ${answer.questionId}, ${[...answer.optionOrder]}, ${[...answer.choices]},
					${answer.correct}, ${answer.responseMs}, ${answer.answeredAt})
				ON CONFLICT (session_id, position) DO NOTHING`;
			if (inserted === 0) {
				return 'duplicate';
			}
			return review(tx, reviewed, compute);
		});
	}

	public async advanceSession(id: number, from: number, shownAt: Date, finishedAt: Date | null): Promise<boolean> {
		const { count } = await this.prisma.practiceSession.updateMany({
			where: { id, position: from },
			data: { position: from + 1, shownAt, finishedAt },
		});
		return count === 1;
	}

	public async reminder(userId: string): Promise<ReviewReminder | undefined> {
		const row = await this.prisma.reviewReminder.findUnique({ where: { userId } });
		return row ? toReminder(row) : undefined;
	}

	public async saveReminder(reminder: ReviewReminder): Promise<void> {
		const { userId, ...columns } = reminder;
		await this.prisma.reviewReminder.upsert({ where: { userId }, create: reminder, update: columns });
	}

	public async deleteReminder(userId: string): Promise<boolean> {
		const { count } = await this.prisma.reviewReminder.deleteMany({ where: { userId } });
		return count > 0;
	}

	public claimDueReminders(
		now: Date,
		limit: number,
		next: (reminder: ReviewReminder) => Date,
	): Promise<ReviewReminder[]> {
		return this.prisma.$transaction(async (tx) => {
			const rows = await tx.$queryRaw<ReviewReminderRow[]>`
				SELECT user_id AS "userId", time, timezone, next_at AS "nextAt", last_sent_on AS "lastSentOn",
					dm_closed_at AS "dmClosedAt"
				FROM review_reminders
				WHERE next_at <= ${now} AND dm_closed_at IS NULL
				ORDER BY next_at LIMIT ${limit}
				FOR UPDATE SKIP LOCKED`;
			const reminders = rows.map(toReminder);
			if (reminders.length > 0) {
				const users = reminders.map((reminder) => reminder.userId);
				const nextTimes = reminders.map((reminder) => next(reminder));
				await tx.$executeRaw`
					UPDATE review_reminders AS r SET next_at = v.next_at
					FROM unnest(${users}::text[], ${nextTimes}::timestamp(3)[]) AS v(user_id, next_at)
					WHERE r.user_id = v.user_id`;
			}
			return reminders;
		});
	}

	public async markReminderSent(userId: string, localDate: string): Promise<void> {
		await this.prisma.reviewReminder.updateMany({ where: { userId }, data: { lastSentOn: localDate } });
	}

	public async markDmClosed(userId: string, at: Date): Promise<void> {
		await this.prisma.reviewReminder.updateMany({ where: { userId }, data: { dmClosedAt: at } });
	}

	public async footprint(userId: string): Promise<StudyFootprint> {
		const [cards, reviews, sessions, reminder, quizAnswers, servers] = await Promise.all([
			this.prisma.studyCard.count({ where: { userId } }),
			this.prisma.reviewLog.count({ where: { userId } }),
			this.prisma.practiceSession.count({ where: { userId } }),
			this.prisma.reviewReminder.count({ where: { userId } }),
			this.prisma.quizAnswer.count({ where: { userId } }),
			this.prisma.memberStats.count({ where: { userId } }),
		]);
		return { cards, reviews, sessions, reminder: reminder > 0, quizAnswers, servers };
	}

	public forget(userId: string): Promise<StudyFootprint> {
		return this.prisma.$transaction(async (tx) => {
			const cards = await tx.studyCard.deleteMany({ where: { userId } });
			const reviews = await tx.reviewLog.deleteMany({ where: { userId } });
			const sessions = await tx.practiceSession.deleteMany({ where: { userId } });
			const reminder = await tx.reviewReminder.deleteMany({ where: { userId } });
			const quizAnswers = await tx.quizAnswer.deleteMany({ where: { userId } });
			const servers = await tx.memberStats.deleteMany({ where: { userId } });
			await tx.guildMember.deleteMany({ where: { userId } });
			return {
				cards: cards.count,
				reviews: reviews.count,
				sessions: sessions.count,
				reminder: reminder.count > 0,
				quizAnswers: quizAnswers.count,
				servers: servers.count,
			};
		});
	}
}
