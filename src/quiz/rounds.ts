import { judgeChoices } from './choices.js';
import type { RecordedPostFailure } from './postFailure.js';
import type { Question } from './questionBank.js';
import { pointsFor } from './scoring.js';

/** One question posted in one guild for one local date. */
export interface QuizRound {
	readonly id: number;
	readonly guildId: string;
	/** The guild-local date the round belongs to, `YYYY-MM-DD`. */
	readonly localDate: string;
	readonly questionId: string;
	readonly topic: string;
	/** Positions of the question's options as shown: `optionOrder[shown]` is the option's index in the bank. */
	readonly optionOrder: readonly number[];
	readonly channelId: string;
	/** Set once Discord has the message: the round is posted. */
	readonly messageId: string | null;
	/** When a worker took the right to post it; a claim older than {@link POST_CLAIM_TIMEOUT_MS} has lapsed. */
	readonly postClaimedAt: Date | null;
	/** How many times the post has been claimed. */
	readonly postAttempts: number;
	/** When the answer window opened (the post was claimed); null while nobody is posting it. */
	readonly postedAt: Date | null;
	readonly closesAt: Date;
	readonly closedAt: Date | null;
	/** The last failed attempt to post, until the round is posted. */
	readonly lastFailure: RecordedPostFailure | undefined;
}

export interface RoundStats {
	readonly answers: number;
	readonly correct: number;
	/** How many picked each button, by its position as shown. */
	readonly picks: readonly number[];
}

/** A claim on posting older than this is taken to belong to a worker that died. */
export const POST_CLAIM_TIMEOUT_MS = 30_000;

export type AnswerOutcome =
	| {
			readonly status: 'recorded';
			readonly correct: boolean;
			readonly points: number;
			readonly question: Question;
			readonly round: QuizRound;
			/** The options the member picked, by their positions as shown. */
			readonly picked: readonly number[];
	  }
	| {
			readonly status: 'already-answered';
			readonly question: Question;
			readonly round: QuizRound;
			readonly correct: boolean;
			/** The options of the member's first answer. */
			readonly picked: readonly number[] | undefined;
	  }
	| { readonly status: 'closed'; readonly question: Question; readonly round: QuizRound }
	| { readonly status: 'unknown-round' }
	| { readonly status: 'invalid-choice' };

/** What a click on a round's button means, before anything is stored. */
export type AnswerDecision =
	| { readonly kind: 'invalid-choice' }
	| { readonly kind: 'closed' }
	| {
			readonly kind: 'accept';
			/** The picked options' indexes in the bank, in the order shown. */
			readonly optionIndices: readonly number[];
			readonly correct: boolean;
			readonly points: number;
	  };

/**
 * Judges an answer to a posted round: the options picked, by their positions as shown (one
 * button, or the picks of a "Select TWO/THREE" menu). It is out of range, too late, or right or
 * wrong with its points; a multi-answer question counts only when exactly its correct options
 * are picked, as on the exam. Acceptance is decided by the round's `closesAt`, fixed when the
 * round is posted, not by when the close job ran.
 */
export function judgeAnswer(
	round: QuizRound & { readonly postedAt: Date },
	question: Question,
	shownIndices: readonly number[],
	now: Date,
): AnswerDecision {
	const judged = judgeChoices(question, round.optionOrder, shownIndices);
	if (judged.kind === 'invalid-choice') {
		return judged;
	}
	if (round.closedAt !== null || now.getTime() >= round.closesAt.getTime()) {
		return { kind: 'closed' };
	}
	const { correct } = judged;
	return {
		kind: 'accept',
		optionIndices: judged.optionIndices,
		correct,
		points: pointsFor(correct, { postedAt: round.postedAt, closesAt: round.closesAt, answeredAt: now }),
	};
}
