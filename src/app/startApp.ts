import { setTimeout as sleep } from 'node:timers/promises';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
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
import { createQuizQueue } from '../jobs/quizQueue.js';
import { BullReminderQueue, createStudyQueue } from '../jobs/studyQueue.js';
import { createRedis, isRedisUnavailable } from '../jobs/redis.js';
import type { Logger } from '../logging/logger.js';
import { cachedRoundReader } from '../quiz/cachedRoundReader.js';
import { QuestionBank } from '../quiz/questionBank.js';
import { createSearchUseCases } from '../search/searchNotes.js';
import { finishStart } from './finishStart.js';
import { loadContent } from './loadContent.js';
import { serveHealth } from './readiness.js';
import { startWorkers } from './startWorkers.js';
import { startPruning, startScheduleKeeping } from './scheduleKeeping.js';
import { ServiceWatch, type ServiceName } from './serviceWatch.js';
import { createUseCases } from './useCases.js';

export interface AppRoles {
	/** Gateway and interactions. */
	readonly bot: boolean;
	/** BullMQ consumers: post and close quiz rounds, and send review reminders, over Discord REST. */
	readonly worker: boolean;
}

export interface RunningApp {
	readonly bot: RunningBot | undefined;
	/** Port of /healthz, /readyz and /metrics. */
	readonly healthPort: number;
	/**
	 * Resolves when start-up has finished (migrations applied, schedules reconciled, workers
	 * started), which waits for Postgres and Redis; rejects on a failure that retrying cannot
	 * mend (a broken migration), which should end the process.
	 */
	readonly started: Promise<void>;
	stop(): Promise<void>;
}

/** Between two attempts at a step of start-up, at most this long. */
const START_RETRY_MAX_MS = 15_000;

/** Which service an error says is away, if any: a start-up step that fails otherwise is a bug. */
function serviceAway(error: unknown): ServiceName | undefined {
	if (isDatabaseUnavailable(error)) {
		return 'postgres';
	}
	return isRedisUnavailable(error) ? 'redis' : undefined;
}

/**
 * The composition root: config in, running bot and/or worker out. Content comes first (a
 * missing notes folder stops start-up before anything else). Then the gateway and the health
 * server start whatever the state of Postgres and Redis, so search and notes answer at once;
 * what needs those services (migrations, the schedules, the workers) finishes in the
 * background as soon as they answer, and until then the bot says the quiz is unavailable.
 */
export async function startApp(
	config: ServiceConfig & { readonly databaseUrl: string },
	logger: Logger,
	roles: AppRoles,
	clock: () => Date = () => new Date(),
): Promise<RunningApp> {
	const { index, questions } = await loadContent(config.contentDir, logger);
	const watch = new ServiceWatch(logger);
	const prisma = createPrismaClient(config.databaseUrl, config.databasePoolSize);
	const queueConnection = createRedis(config.redisUrl, 'queue', watch);
	const queue = createQuizQueue(queueConnection, config.queuePrefix);
	const store = new PrismaQuizStore(prisma);
	const announcer = new DiscordAnnouncer(createRestPublisher(config));
	const savedQueries = new PrismaSavedQueries(prisma);
	const search = createSearchUseCases({ index, savedQueries });
	const studyQueue = createStudyQueue(queueConnection, config.queuePrefix);
	for (const emitter of [queue, studyQueue]) {
		emitter.on('error', (error) => {
			watch.down('redis', error);
		});
	}
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
	// Until the database is migrated and answering, whatever needs it is "unavailable for a moment".
	let databaseStarted = false;

	const bot = roles.bot
		? await startBot(config, logger, {
				index,
				search,
				quiz,
				scores,
				study,
				metrics,
				unavailableService: (error) => {
					const away = serviceAway(error);
					return away === 'redis' ? 'queue' : away === 'postgres' || !databaseStarted ? 'database' : undefined;
				},
				isQueueAvailable: () => queueConnection.status === 'ready',
			})
		: undefined;
	const health = await serveHealth({
		port: config.healthPort,
		database: async () => databaseStarted && (await databaseAnswers(prisma)),
		redis: queueConnection,
		queue,
		bot,
		metrics,
		logger,
	});
	logger.info({ port: health.port }, 'health and metrics server listening');

	let keeping: { stop(): void } | undefined;
	let pruning: { stop(): void } | undefined;
	let workers: readonly Worker[] = [];
	let workerConnection: Redis | undefined;
	const stopStarting = new AbortController();
	const started = finishStart(
		[
			{
				name: 'database',
				async run() {
					// Fails at once while Postgres is away (the schema engine would wait on its own).
					await databaseAnswers(prisma);
					if (config.migrateOnStart) {
						const applied = await migrateDatabase(config.databaseUrl);
						logger.info({ applied }, applied.length > 0 ? 'database migrated' : 'database up to date');
					}
					databaseStarted = true;
				},
			},
			...(roles.bot
				? [
						{
							name: 'schedules',
							async run() {
								logger.info(await quiz.keepSchedules(), 'quiz schedules reconciled with the database');
								keeping = startScheduleKeeping(quiz.keepSchedules, config.scheduleCheckSeconds, logger);
								pruning = startPruning(savedQueries, logger, clock);
							},
						},
					]
				: []),
			...(roles.worker
				? [
						{
							name: 'workers',
							async run() {
								// Fails fast while Redis is away (the queue's connection does not wait); the workers' own waits.
								await reminderQueue.scheduleSweep();
								workerConnection ??= createRedis(config.redisUrl, 'worker', watch);
								workers = startWorkers(
									{ quiz, scores, study, logger, metrics, watch },
									workerConnection,
									config.queuePrefix,
								);
							},
						},
					]
				: []),
		],
		{ watch, logger, classify: serviceAway, maxDelayMs: START_RETRY_MAX_MS, signal: stopStarting.signal },
	);

	return {
		bot,
		healthPort: health.port,
		started,
		async stop() {
			// New work stops first, in-flight interactions and jobs finish, then connections close.
			stopStarting.abort();
			await started.catch(() => undefined);
			keeping?.stop();
			pruning?.stop();
			await bot?.drain();
			await Promise.all(workers.map((worker) => worker.close()));
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
