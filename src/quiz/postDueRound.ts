import { localDate } from '../time/zonedTime.js';
import { pickQuestion } from './pickQuestion.js';
import { nextRetryAt, PostFailedError, type PostFailure } from './postFailure.js';
import type { Question } from './questionBank.js';
import type { QuizDependencies } from './quizDependencies.js';
import { POST_CLAIM_TIMEOUT_MS, type QuizRound } from './rounds.js';
import { seededPermutation } from './seededRandom.js';
import { answerWindowEnd, type QuizSettings } from './settings.js';

export interface DuePostRequest {
	readonly guildId: string;
	/** The instant the post is for; the local date is taken from it in the guild's zone. */
	readonly scheduledFor: Date;
	/** Asked for with `/quiz post-now`: posts even while the quiz is paused. */
	readonly manual: boolean;
	/** Which try this is, from 1: a temporary failure records when the next one comes. */
	readonly attempt: number;
}

export type PostDueRoundOutcome =
	| {
			readonly status: 'posted';
			readonly round: QuizRound;
			readonly question: Question;
	  }
	| { readonly status: 'already-posted'; readonly round: QuizRound }
	/** Discord refused the post for a reason that retrying will not change: recorded, reported once, not retried. */
	| {
			readonly status: 'failed';
			readonly round: QuizRound;
			readonly failure: PostFailure;
			/** Whether the admins were told in the channel where the quiz was set up. */
			readonly reported: boolean;
	  }
	| { readonly status: 'not-active' }
	| { readonly status: 'no-question' }
	| { readonly status: 'no-settings' };

/** Thrown when another worker holds the claim on posting; the job is retried later. */
export class RoundBeingPostedError extends Error {
	public constructor(roundId: number) {
		super(`round ${roundId} is being posted by another worker`);
		this.name = 'RoundBeingPostedError';
	}
}

/**
 * The guild's round for a local date: the existing one, or a new one with the next question
 * and its options in a shuffled order, both fixed by the guild and the date.
 */
async function prepareRound(
	deps: Pick<QuizDependencies, 'store' | 'bank'>,
	settings: QuizSettings,
	date: string,
	now: Date,
): Promise<{ round: QuizRound; question: Question } | undefined> {
	const existing = await deps.store.findRound(settings.guildId, date);
	if (existing) {
		const question = deps.bank.get(existing.questionId);
		return question && { round: existing, question };
	}
	const question = pickQuestion(
		deps.bank.questions,
		await deps.store.questionHistory(settings.guildId),
		settings.guildId,
		date,
	);
	if (!question) {
		return undefined;
	}
	const round = await deps.store.createRound({
		guildId: settings.guildId,
		localDate: date,
		questionId: question.id,
		topic: question.topic,
		optionOrder: seededPermutation(question.options.length, `${settings.guildId}:${date}:options`),
		channelId: settings.channelId,
		closesAt: answerWindowEnd(now, settings.answerWindowHours),
	});
	// Another worker may have won the race with a different pick: its question is the round's.
	const winner = deps.bank.get(round.questionId);
	return winner && { round, question: winner };
}

/**
 * A due post (the daily schedule, a catch-up or `/quiz post-now`): the round is prepared, one
 * worker claims it, posts it, records the message and schedules the close. The answer window
 * starts when the question is posted.
 */
export async function postDueRound(
	deps: Pick<QuizDependencies, 'store' | 'scheduler' | 'announcer' | 'bank' | 'clock'>,
	request: DuePostRequest,
): Promise<PostDueRoundOutcome> {
	const settings = await deps.store.getSettings(request.guildId);
	if (!settings) {
		return { status: 'no-settings' };
	}
	if (settings.status !== 'active' && !request.manual) {
		return { status: 'not-active' };
	}
	const now = deps.clock();
	const prepared = await prepareRound(deps, settings, localDate(request.scheduledFor, settings.timezone), now);
	if (!prepared) {
		return { status: 'no-question' };
	}
	const { round, question } = prepared;
	if (round.messageId !== null) {
		await deps.scheduler.scheduleClose(round.id, round.closesAt, now);
		return { status: 'already-posted', round };
	}
	const closesAt = answerWindowEnd(now, settings.answerWindowHours);
	if (!(await deps.store.claimRoundPost(round.id, now, POST_CLAIM_TIMEOUT_MS, closesAt))) {
		throw new RoundBeingPostedError(round.id);
	}
	let messageId: string;
	try {
		messageId = await deps.announcer.postQuestion({ ...round, postedAt: now, closesAt }, question, settings);
	} catch (error) {
		const failure: PostFailure =
			error instanceof PostFailedError ? error.failure : { kind: 'temporary', detail: describe(error) };
		const retryAt = failure.kind === 'temporary' ? nextRetryAt(request.attempt, now) : undefined;
		await deps.store.recordPostFailure(round.id, { failure, at: now, retryAt });
		if (failure.kind === 'temporary') {
			// The queue tries again with backoff; the failure and the next try are recorded for /quiz status.
			throw error;
		}
		const reported = await reportOnce(deps, settings, round, failure, now);
		return { status: 'failed', round, failure, reported };
	}
	const posted = await deps.store.markRoundPosted(round.id, messageId);
	await deps.scheduler.scheduleClose(posted.id, posted.closesAt, now);
	return { status: 'posted', round: posted, question };
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Tells the server's admins once per round, in the channel where the quiz was set up, unless
 * that is the quiz channel itself (which the bot cannot post in): `/quiz status` shows the
 * failure in every case.
 */
async function reportOnce(
	deps: Pick<QuizDependencies, 'store' | 'announcer'>,
	settings: QuizSettings,
	round: QuizRound,
	failure: PostFailure,
	now: Date,
): Promise<boolean> {
	const { adminChannelId } = settings;
	if (adminChannelId === null || adminChannelId === settings.channelId || round.lastFailure?.reportedAt) {
		return false;
	}
	try {
		await deps.announcer.reportPostFailure({ ...settings, adminChannelId }, round, failure);
	} catch {
		// The admin channel may be out of reach too: the failure stays on /quiz status.
		return false;
	}
	await deps.store.markFailureReported(round.id, now);
	return true;
}
