import { localDate } from '../time/zonedTime.js';
import type { QuizDependencies } from './quizDependencies.js';

export type RetryBlockedPostOutcome =
	{ readonly status: 'retrying'; readonly localDate: string } | { readonly status: 'nothing' };

/**
 * Something that decides the bot's access changed in a guild (its quiz channel, or a role): when
 * today's question is waiting for that fix, it is tried again at once instead of at the
 * keeper's next hourly look.
 */
export async function retryBlockedPost(
	deps: Pick<QuizDependencies, 'store' | 'scheduler' | 'clock'>,
	change: { readonly guildId: string; readonly channelId?: string },
): Promise<RetryBlockedPostOutcome> {
	const settings = await deps.store.getSettings(change.guildId);
	if (settings?.status !== 'active' || (change.channelId !== undefined && change.channelId !== settings.channelId)) {
		return { status: 'nothing' };
	}
	const now = deps.clock();
	const date = localDate(now, settings.timezone);
	const round = await deps.store.findRound(settings.guildId, date);
	if (round?.messageId !== null || round.lastFailure?.failure.kind !== 'missing-access') {
		return { status: 'nothing' };
	}
	await deps.scheduler.requestCatchUp({ guildId: settings.guildId, localDate: date, dueAt: now });
	return { status: 'retrying', localDate: date };
}
