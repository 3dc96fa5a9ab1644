import { localDate } from '../time/zonedTime.js';
import type { PostFailure } from './postFailure.js';
import type { QuizDependencies } from './quizDependencies.js';
import type { QuizRound } from './rounds.js';
import type { QuizSettings } from './settings.js';
import type { ChannelAccess } from './setUpQuiz.js';

export type PostQuizNowOutcome =
	| { readonly status: 'not-set-up' }
	| { readonly status: 'disabled' }
	| { readonly status: 'cannot-post'; readonly settings: QuizSettings; readonly missing: readonly string[] }
	| {
			readonly status: 'already-posted' | 'posted';
			readonly settings: QuizSettings;
			readonly round: QuizRound & { readonly messageId: string };
	  }
	| { readonly status: 'failed'; readonly settings: QuizSettings; readonly failure: PostFailure }
	/** Not out yet when the wait ended (Discord slow, or retrying after a temporary failure). */
	| { readonly status: 'still-posting'; readonly settings: QuizSettings; readonly retryAt: Date | undefined };

/** How long `/quiz post-now` waits to say what happened, and how often it looks. */
export const POST_NOW_WAIT = { totalMs: 8_000, everyMs: 250 } as const;

/**
 * `/quiz post-now`: asks for today's question (in the guild's zone) at once, unless it is out or
 * the bot plainly cannot post in the channel, then waits briefly for the worker's outcome.
 */
export async function postQuizNow(
	deps: Pick<QuizDependencies, 'store' | 'scheduler' | 'clock' | 'pause'>,
	request: {
		readonly guildId: string;
		/** The bot's access to a channel, as the transport sees it now. */
		readonly channelAccess: (channelId: string) => ChannelAccess;
	},
): Promise<PostQuizNowOutcome> {
	const settings = await deps.store.getSettings(request.guildId);
	if (!settings) {
		return { status: 'not-set-up' };
	}
	if (settings.status === 'disabled') {
		return { status: 'disabled' };
	}
	const now = deps.clock();
	const date = localDate(now, settings.timezone);
	const before = await deps.store.findRound(settings.guildId, date);
	if (before?.messageId) {
		return { status: 'already-posted', settings, round: { ...before, messageId: before.messageId } };
	}
	const access = request.channelAccess(settings.channelId);
	if (access === 'not-text' || access.missing.length > 0) {
		return { status: 'cannot-post', settings, missing: access === 'not-text' ? [] : access.missing };
	}
	await deps.scheduler.requestPostNow(settings.guildId, date, now);
	const attemptsBefore = before?.postAttempts ?? 0;
	let round: QuizRound | undefined;
	for (let waited = 0; waited < POST_NOW_WAIT.totalMs; waited += POST_NOW_WAIT.everyMs) {
		await deps.pause(POST_NOW_WAIT.everyMs);
		round = await deps.store.findRound(settings.guildId, date);
		if (round?.messageId) {
			return { status: 'posted', settings, round: { ...round, messageId: round.messageId } };
		}
		// Our attempt has run and given up its claim: it failed, and said why.
		if (round && round.postAttempts > attemptsBefore && round.postClaimedAt === null && round.lastFailure) {
			return round.lastFailure.failure.kind === 'temporary'
				? { status: 'still-posting', settings, retryAt: round.lastFailure.retryAt }
				: { status: 'failed', settings, failure: round.lastFailure.failure };
		}
	}
	return { status: 'still-posting', settings, retryAt: round?.lastFailure?.retryAt };
}
