import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Metrics } from '../health/metrics.js';
import type { Logger } from '../logging/logger.js';
import type { QuizUseCases } from '../quiz/quizUseCases.js';
import type { ScoreUseCases } from '../scores/scoreUseCases.js';
import type { SearchIndex } from '../search/searchIndex.js';
import type { SearchUseCases } from '../search/searchNotes.js';
import type { StudyUseCases } from '../study/studyUseCases.js';

/** The bot's commands as `/help` lists them. */
export interface CommandCatalogue {
	readonly slash: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
	readonly message: readonly { readonly name: string; readonly help: string }[];
}

/** What command and button handlers work with: the use cases they call, never a database or a queue. */
export interface BotContext {
	readonly index: SearchIndex;
	readonly search: SearchUseCases;
	readonly quiz: Pick<
		QuizUseCases,
		'setUp' | 'changeStatus' | 'setWeeklyRecap' | 'postNow' | 'overview' | 'answer' | 'retryBlockedPost'
	>;
	readonly scores: Pick<ScoreUseCases, 'leaderboard' | 'memberProgress'>;
	readonly study: Pick<
		StudyUseCases,
		| 'startPractice'
		| 'topics'
		| 'startReview'
		| 'answer'
		| 'next'
		| 'leeches'
		| 'unsuspend'
		| 'setReminder'
		| 'stopReminder'
		| 'progress'
		| 'footprint'
		| 'forget'
	>;
	readonly logger: Logger;
	readonly metrics: Metrics;
	readonly commands: CommandCatalogue;
	/** Which service an error says is out for a moment ("try again shortly"), if it is that kind of error. */
	readonly unavailableService: (error: unknown) => 'database' | 'queue' | undefined;
	/** False while the job queue (Redis) does not answer: the quiz's schedule cannot be changed then. */
	readonly isQueueAvailable: () => boolean;
}
