import { formatLocalTime, parseLocalTime } from '../time/zonedTime.js';
import type { QuizDependencies } from './quizDependencies.js';
import type { QuizSettings } from './settings.js';

export interface SetWeeklyRecapInput {
	readonly guildId: string;
	readonly enabled: boolean;
	/** ISO weekday, 1 = Monday; unchanged when absent. */
	readonly weekday: number | undefined;
	/** As typed, `HH:MM`; unchanged when absent. */
	readonly time: string | undefined;
}

export type SetWeeklyRecapOutcome =
	| { readonly status: 'not-set-up' }
	| { readonly status: 'invalid-time'; readonly time: string }
	| { readonly status: 'invalid-day' }
	| { readonly status: 'set'; readonly settings: QuizSettings };

/** `/quiz recap`: turns the weekly recap on or off and sets when it comes, in the guild's zone. */
export async function setWeeklyRecap(
	deps: Pick<QuizDependencies, 'store' | 'scheduler'>,
	input: SetWeeklyRecapInput,
): Promise<SetWeeklyRecapOutcome> {
	const current = await deps.store.getSettings(input.guildId);
	if (!current) {
		return { status: 'not-set-up' };
	}
	const timeText = input.time ?? current.recapTime;
	const time = parseLocalTime(timeText);
	if (!time) {
		return { status: 'invalid-time', time: timeText };
	}
	const weekday = input.weekday ?? current.recapWeekday;
	if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
		return { status: 'invalid-day' };
	}
	const settings = await deps.store.saveRecapSettings(input.guildId, {
		recapEnabled: input.enabled,
		recapWeekday: weekday,
		recapTime: formatLocalTime(time),
	});
	if (!settings) {
		return { status: 'not-set-up' };
	}
	if (settings.status === 'active') {
		await deps.scheduler.scheduleGuild(settings);
	}
	return { status: 'set', settings };
}
