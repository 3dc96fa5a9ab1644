import { localDate } from '../time/zonedTime.js';
import type { QuizDependencies } from './quizDependencies.js';
import type { QuizRound } from './rounds.js';
import type { QuizSettings } from './settings.js';

export type PostQuizNowOutcome =
	| { readonly status: 'not-set-up' }
	| { readonly status: 'disabled' }
	| {
			readonly status: 'already-posted';
			readonly settings: QuizSettings;
			readonly round: QuizRound & { readonly messageId: string };
	  }
	| { readonly status: 'requested'; readonly settings: QuizSettings; readonly localDate: string };

/** `/quiz post-now`: asks for today's question (in the guild's zone) at once, unless it is out. */
export async function postQuizNow(
	deps: Pick<QuizDependencies, 'store' | 'scheduler' | 'clock'>,
	guildId: string,
): Promise<PostQuizNowOutcome> {
	const settings = await deps.store.getSettings(guildId);
	if (!settings) {
		return { status: 'not-set-up' };
	}
	if (settings.status === 'disabled') {
		return { status: 'disabled' };
	}
	const now = deps.clock();
	const date = localDate(now, settings.timezone);
	const round = await deps.store.findRound(guildId, date);
	if (round?.messageId) {
		return { status: 'already-posted', settings, round: { ...round, messageId: round.messageId } };
	}
	await deps.scheduler.requestPostNow(guildId, date, now);
	return { status: 'requested', settings, localDate: date };
}
