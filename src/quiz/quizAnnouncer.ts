import type { PostFailure } from './postFailure.js';
import type { Question } from './questionBank.js';
import type { QuizRound, RoundStats } from './rounds.js';
import type { QuizSettings } from './settings.js';

/** How the quiz shows itself to a guild (Discord REST in production: `src/discord`). */
export interface QuizAnnouncer {
	/**
	 * Posts a round's question in the quiz channel and returns the message id. Posting the same
	 * round again returns the first message instead of a second one. Throws a `PostFailedError`
	 * saying why when Discord refuses the post.
	 */
	postQuestion(round: QuizRound, question: Question, settings: QuizSettings): Promise<string>;
	/** Edits the posted question to reveal the answer and how the guild did. */
	revealAnswer(round: QuizRound & { readonly messageId: string }, question: Question, stats: RoundStats): Promise<void>;
	/** Tells the server's admins, in the channel where the quiz was set up, that a post failed and what to fix. */
	reportPostFailure(
		settings: QuizSettings & { readonly adminChannelId: string },
		round: QuizRound,
		failure: PostFailure,
	): Promise<void>;
}
