import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Queue } from 'bullmq';
import type { PrismaClient } from '../db/client.js';
import type { QuizJobData } from '../jobs/quizQueue.js';
import type { Metrics } from '../health/metrics.js';
import type { Logger } from '../logging/logger.js';
import type { Question } from '../quiz/questionBank.js';
import type { RoundReader } from '../quiz/rounds.js';
import type { SearchIndex } from '../search/searchIndex.js';

/** What the quiz commands and buttons work with. */
export interface QuizServices {
	readonly prisma: PrismaClient;
	readonly queue: Queue<QuizJobData>;
	readonly questions: ReadonlyMap<string, Question>;
	readonly clock: () => Date;
	/** Reads the round a click answers; shared by all clicks, so a burst reads a round once. */
	readonly readRound: RoundReader;
}

/** What command and button handlers are given to work with. */
export interface BotContext {
	readonly index: SearchIndex;
	readonly logger: Logger;
	readonly commandDefinitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
	readonly quiz: QuizServices;
	readonly metrics: Metrics;
}
