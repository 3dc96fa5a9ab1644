import { localDate, nextOccurrence, parseLocalTime } from '../time/zonedTime.js';
import type { QuizDependencies } from './quizDependencies.js';
import type { QuizRound } from './rounds.js';
import type { QuizSettings } from './settings.js';

/** What `/quiz status` and the admin confirmations show. */
export interface QuizOverview {
	readonly settings: QuizSettings;
	/** The next scheduled post, when active. */
	readonly nextPostAt: Date | undefined;
	readonly todaysRound: (QuizRound & { readonly answers: number }) | undefined;
}

export type QuizOverviewOutcome =
	{ readonly status: 'not-set-up' } | { readonly status: 'found'; readonly overview: QuizOverview };

/** The overview of a guild whose settings are at hand. */
export async function overviewOf(
	{ store, clock }: Pick<QuizDependencies, 'store' | 'clock'>,
	settings: QuizSettings,
): Promise<QuizOverview> {
	const now = clock();
	const time = parseLocalTime(settings.postTime);
	const round = await store.findRound(settings.guildId, localDate(now, settings.timezone));
	const answers = round ? (await store.roundStats(round.id)).answers : 0;
	return {
		settings,
		nextPostAt: settings.status === 'active' && time ? nextOccurrence(now, time, settings.timezone) : undefined,
		todaysRound: round && { ...round, answers },
	};
}

export async function getQuizOverview(
	deps: Pick<QuizDependencies, 'store' | 'clock'>,
	guildId: string,
): Promise<QuizOverviewOutcome> {
	const settings = await deps.store.getSettings(guildId);
	return settings ? { status: 'found', overview: await overviewOf(deps, settings) } : { status: 'not-set-up' };
}
