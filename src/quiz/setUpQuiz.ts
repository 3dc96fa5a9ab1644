import { formatLocalTime, readZonedTime } from '../time/zonedTime.js';
import { overviewOf, type QuizOverview } from './getQuizOverview.js';
import type { QuizDependencies } from './quizDependencies.js';
import { DEFAULT_ANSWER_WINDOW_HOURS, MAX_ANSWER_WINDOW_HOURS } from './settings.js';

/**
 * What the bot lacks to post in a channel, as the transport sees it: the names of missing
 * permissions (none: it can post), or `not-text` for a channel that cannot hold messages.
 */
export type ChannelAccess = { readonly missing: readonly string[] } | 'not-text';

export interface SetUpQuizInput {
	readonly guildId: string;
	readonly channelId: string;
	readonly roleId: string | null;
	/** As typed: `HH:MM`, 24-hour clock. */
	readonly time: string;
	readonly timezone: string;
	readonly answerWindowHours: number | undefined;
	readonly channelAccess: ChannelAccess;
	/** Where the command was run: a post that fails for good is reported there. */
	readonly adminChannelId: string | null;
}

export type SetUpQuizOutcome =
	| { readonly status: 'invalid-time'; readonly time: string }
	| { readonly status: 'invalid-time-zone'; readonly timezone: string; readonly suggestions: readonly string[] }
	| { readonly status: 'invalid-answer-window' }
	| { readonly status: 'cannot-post'; readonly channelId: string; readonly missing: readonly string[] }
	| { readonly status: 'set-up'; readonly overview: QuizOverview };

/** `/quiz setup`: checks what was asked, stores it (re-activating the quiz), then schedules the guild. */
export async function setUpQuiz(
	deps: Pick<QuizDependencies, 'store' | 'scheduler' | 'clock'>,
	input: SetUpQuizInput,
): Promise<SetUpQuizOutcome> {
	const read = readZonedTime(input.time, input.timezone);
	if (read.status !== 'ok') {
		return read;
	}
	const { time, timezone } = read;
	const answerWindowHours = input.answerWindowHours ?? DEFAULT_ANSWER_WINDOW_HOURS;
	if (!Number.isInteger(answerWindowHours) || answerWindowHours < 1 || answerWindowHours > MAX_ANSWER_WINDOW_HOURS) {
		return { status: 'invalid-answer-window' };
	}
	if (input.channelAccess === 'not-text' || input.channelAccess.missing.length > 0) {
		return {
			status: 'cannot-post',
			channelId: input.channelId,
			missing: input.channelAccess === 'not-text' ? [] : input.channelAccess.missing,
		};
	}
	const settings = await deps.store.saveSettings({
		guildId: input.guildId,
		channelId: input.channelId,
		roleId: input.roleId,
		postTime: formatLocalTime(time),
		timezone,
		answerWindowHours,
		adminChannelId: input.adminChannelId,
	});
	await deps.scheduler.scheduleGuild(settings);
	return { status: 'set-up', overview: await overviewOf(deps, settings) };
}
