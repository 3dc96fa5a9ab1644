import { localDate } from '../time/zonedTime.js';
import { pickQuestion } from './pickQuestion.js';
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
}

export type PostDueRoundOutcome =
	| {
			readonly status: 'posted';
			readonly round: QuizRound;
			readonly question: Question;
	  }
	| { readonly status: 'already-posted'; readonly round: QuizRound }
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
	if (!(await deps.store.claimRoundPost(round.id, now, POST_CLAIM_TIMEOUT_MS))) {
		throw new RoundBeingPostedError(round.id);
	}
	const closesAt = answerWindowEnd(now, settings.answerWindowHours);
	const messageId = await deps.announcer.postQuestion({ ...round, postedAt: now, closesAt }, question, settings);
	const posted = await deps.store.markRoundPosted(round.id, messageId, now, closesAt);
	await deps.scheduler.scheduleClose(posted.id, posted.closesAt, now);
	return { status: 'posted', round: posted, question };
}
