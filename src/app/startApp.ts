import { setTimeout as sleep } from 'node:timers/promises';
import type { Worker } from 'bullmq';
import type { ServiceConfig } from '../config/config.js';
import { createPrismaClient, databaseAnswers, isDatabaseUnavailable } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { PrismaQuizStore } from '../db/quizStore.js';
import { PrismaSavedQueries } from '../db/savedQueryStore.js';
import { PrismaScoreStore } from '../db/scoreStore.js';
import { PrismaStudyStore } from '../db/studyStore.js';
import { DiscordAnnouncer } from '../discord/announcer.js';
import { startBot, type RunningBot } from '../discord/bot.js';
import { createRestPublisher } from '../discord/quizPublisher.js';
import { Metrics } from '../health/metrics.js';
import { BullQuizScheduler } from '../jobs/bullQuizScheduler.js';
import { createQuizQueue, QUIZ_QUEUE } from '../jobs/quizQueue.js';
import { createQuizWorker } from '../jobs/quizWorker.js';
import { BullReminderQueue, createStudyQueue } from '../jobs/studyQueue.js';
import { createStudyWorker } from '../jobs/studyWorker.js';
import { createRedis } from '../jobs/redis.js';
import type { Logger } from '../logging/logger.js';
import { cachedRoundReader } from '../quiz/cachedRoundReader.js';
import { QuestionBank } from '../quiz/questionBank.js';
import { createSearchUseCases } from '../search/searchNotes.js';
import { loadContent } from './loadContent.js';
import { serveHealth } from './readiness.js';
import { startPruning, startScheduleKeeping } from './scheduleKeeping.js';
import { createUseCases } from './useCases.js';

export interface AppRoles {
	/** Gateway and interactions. */
	readonly bot: boolean;
	/** BullMQ consumers: post and close quiz rounds, and send review reminders, over Discord REST. */
	readonly worker: boolean;
}

export interface RunningApp {
	readonly bot: RunningBot | undefined;
	readonly worker: Worker | undefined;
	/** Port of /healthz, /readyz and /metrics. */
	readonly healthPort: number;
	stop(): Promise<void>;
}

/**
 * The composition root: config in, running bot and/or worker out. Content comes first (a
 * missing notes folder stops start-up before anything else), then the database (migrations
 * applied unless turned off), then Redis, then Discord.
 */
export async function startApp(
	config: ServiceConfig & { readonly databaseUrl: string },
	logger: Logger,
	roles: AppRoles,
	clock: () => Date = () => new Date(),
): Promise<RunningApp> {
	const { index, questions } = await loadContent(config.contentDir, logger);
	if (config.migrateOnStart) {
		const applied = await migrateDatabase(config.databaseUrl);
		logger.info({ applied }, applied.length > 0 ? 'database migrated' : 'database up to date');
	}
	const prisma = createPrismaClient(config.databaseUrl, config.databasePoolSize);
	const queueConnection = createRedis(config.redisUrl, 'queue', logger);
	const queue = createQuizQueue(queueConnection, config.queuePrefix);
	const store = new PrismaQuizStore(prisma);
	const announcer = new DiscordAnnouncer(createRestPublisher(config));
	const savedQueries = new PrismaSavedQueries(prisma);
	const search = createSearchUseCases({ index, savedQueries });
	const studyQueue = createStudyQueue(queueConnection, config.queuePrefix);
	const reminderQueue = new BullReminderQueue(studyQueue);
	const { quiz, scores, study } = createUseCases({
		store,
		scheduler: new BullQuizScheduler(queue),
		announcer,
		scoreStore: new PrismaScoreStore(prisma),
		recapAnnouncer: announcer,
		bank: new QuestionBank(questions),
		clock,
		readRound: cachedRoundReader((roundId) => store.getRound(roundId)),
		pause: (milliseconds) => sleep(milliseconds),
		studyStore: new PrismaStudyStore(prisma),
		reminderQueue,
		reminderSender: announcer,
	});
	const metrics = new Metrics();

	let bot: RunningBot | undefined;
	let keeping: { stop(): void } | undefined;
	let pruning: { stop(): void } | undefined;
	if (roles.bot) {
		logger.info(await quiz.keepSchedules(), 'quiz schedules reconciled with the database');
		keeping = startScheduleKeeping(quiz.keepSchedules, config.scheduleCheckSeconds, logger);
		pruning = startPruning(savedQueries, logger, clock);
		bot = await startBot(config, logger, {
			index,
			search,
			quiz,
			scores,
			study,
			metrics,
			isServiceUnavailable: isDatabaseUnavailable,
		});
	}
	const workerConnection = roles.worker ? createRedis(config.redisUrl, 'worker', logger) : undefined;
	const worker =
		workerConnection && createQuizWorker({ quiz, scores, study, logger }, workerConnection, config.queuePrefix);
	const studyWorker = workerConnection && createStudyWorker({ study, logger }, workerConnection, config.queuePrefix);
	if (studyWorker) {
		await reminderQueue.scheduleSweep();
	}
	worker?.on('completed', (job) => {
		metrics.jobs.inc({ queue: QUIZ_QUEUE, name: job.name, outcome: 'completed' });
	});
	worker?.on('failed', (job) => {
		metrics.jobs.inc({ queue: QUIZ_QUEUE, name: job?.name ?? 'unknown', outcome: 'failed' });
	});

	const health = await serveHealth({
		port: config.healthPort,
		database: () => databaseAnswers(prisma),
		redis: queueConnection,
		queue,
		bot,
		metrics,
		logger,
	});
	logger.info({ port: health.port }, 'health and metrics server listening');

	return {
		bot,
		worker,
		healthPort: health.port,
		async stop() {
			// New work stops first, in-flight interactions and jobs finish, then connections close.
			keeping?.stop();
			pruning?.stop();
			await bot?.drain();
			await worker?.close();
			await studyWorker?.close();
			await health.close();
			await bot?.stop();
			await queue.close();
			await studyQueue.close();
			queueConnection.disconnect();
			workerConnection?.disconnect();
			await prisma.$disconnect();
		},
	};
}
