import { overviewOf, type QuizOverview } from './getQuizOverview.js';
import type { QuizDependencies } from './quizDependencies.js';
import type { QuizStatus } from './settings.js';

export type ChangeQuizStatusOutcome =
	| { readonly status: 'not-set-up' }
	| { readonly status: 'changed'; readonly to: QuizStatus; readonly overview: QuizOverview };

/** `/quiz pause`, `resume` and `disable`: Postgres first, then the guild's schedule follows it. */
export async function changeQuizStatus(
	deps: Pick<QuizDependencies, 'store' | 'scheduler' | 'clock'>,
	guildId: string,
	to: QuizStatus,
): Promise<ChangeQuizStatusOutcome> {
	const settings = await deps.store.setStatus(guildId, to);
	if (!settings) {
		return { status: 'not-set-up' };
	}
	if (to === 'active') {
		await deps.scheduler.scheduleGuild(settings);
	} else {
		await deps.scheduler.unscheduleGuild(guildId);
	}
	return { status: 'changed', to, overview: await overviewOf(deps, settings) };
}
