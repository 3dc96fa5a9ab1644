import path from 'node:path';
import type { Worker } from 'bullmq';
import { Status } from 'discord.js';
import type { ServiceConfig } from '../config/config.js';
import { createPrismaClient } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { startBot, type RunningBot } from '../discord/bot.js';
import { createRestPublisher } from '../discord/quizPublisher.js';
import { createQuizQueue, QUIZ_QUEUE } from '../jobs/quizQueue.js';
import { keepSchedules } from '../jobs/scheduleKeeper.js';
import { createQuizWorker } from '../jobs/quizWorker.js';
import { createRedis } from '../jobs/redis.js';
import { startHealthServer, type ReadinessCheck } from '../health/healthServer.js';
import { Metrics } from '../health/metrics.js';
import type { Logger } from '../logging/logger.js';
import { loadQuestionBank } from '../quiz/questionBank.js';
import { cachedRoundReader } from '../quiz/rounds.js';
import { loadSearchIndex } from '../search/loadSearchIndex.js';

export interface AppRoles {
	/** Gateway and interactions. */
	readonly bot: boolean;
	/** BullMQ consumers: post and close quiz rounds over Discord REST. */
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
	config: ServiceConfig,
	logger: Logger,
	roles: AppRoles,
	clock: () => Date = () => new Date(),
): Promise<RunningApp> {
	const { index, problems } = await loadSearchIndex(config.contentDir);
	for (const problem of problems) {
		logger.warn({ path: problem.path }, `note skipped: ${problem.path} ${problem.reason}`);
	}
	const bank = await loadQuestionBank(path.join(config.contentDir, 'questions'), index);
	for (const problem of bank.problems) {
		logger.warn(
			{ file: problem.file, entry: problem.entry },
			`question skipped: ${problem.file}${problem.entry === undefined ? '' : ` (${problem.entry})`} ${problem.reason}`,
		);
	}
	logger.info({ sections: index.sections.length, questions: bank.questions.length }, 'content loaded');

	if (config.migrateOnStart) {
		const applied = await migrateDatabase(config.databaseUrl);
		logger.info({ applied }, applied.length > 0 ? 'database migrated' : 'database up to date');
	}
	const prisma = createPrismaClient(config.databaseUrl, config.databasePoolSize);

	const metrics = new Metrics();
	const queueConnection = createRedis(config.redisUrl, 'queue', logger);
	const queue = createQuizQueue(queueConnection, config.queuePrefix);
	const workerConnection = roles.worker ? createRedis(config.redisUrl, 'worker', logger) : undefined;

	let bot: RunningBot | undefined;
	let scheduleCheck: NodeJS.Timeout | undefined;
	if (roles.bot) {
		logger.info(await keepSchedules(prisma, queue, clock()), 'quiz schedules reconciled with the database');
		let checking = false;
		scheduleCheck = setInterval(() => {
			if (checking) {
				return;
			}
			checking = true;
			keepSchedules(prisma, queue, clock())
				.then(
					(kept) => {
						if (kept.caughtUp > 0) {
							logger.warn(kept, 'quiz schedules were missing from Redis and are restored');
						}
					},
					(error: unknown) => {
						logger.warn({ err: error }, 'could not check the quiz schedules; trying again later');
					},
				)
				.finally(() => {
					checking = false;
				});
		}, config.scheduleCheckSeconds * 1000);
		bot = await startBot(config, logger, {
			index,
			metrics,
			quiz: {
				prisma,
				queue,
				questions: new Map(bank.questions.map((question) => [question.id, question])),
				clock,
				readRound: cachedRoundReader(prisma),
			},
		});
	}
	const worker = workerConnection
		? createQuizWorker(
				{ prisma, queue, bank: bank.questions, publisher: createRestPublisher(config), logger, clock },
				workerConnection,
				config.queuePrefix,
			)
		: undefined;
	worker?.on('completed', (job) => {
		metrics.jobs.inc({ queue: QUIZ_QUEUE, name: job.name, outcome: 'completed' });
	});
	worker?.on('failed', (job) => {
		metrics.jobs.inc({ queue: QUIZ_QUEUE, name: job?.name ?? 'unknown', outcome: 'failed' });
	});

	const checks: ReadinessCheck[] = [
		{ name: 'postgres', check: async () => (await prisma.$queryRaw<unknown[]>`SELECT 1`).length === 1 },
		{
			name: 'redis',
			check: async () => {
				await queueConnection.ping();
				return true;
			},
		},
		...(bot
			? [
					{
						name: 'gateway',
						check: () => Promise.resolve(bot.client.isReady() && bot.client.ws.status === Status.Ready),
					},
				]
			: []),
	];
	const health = await startHealthServer({
		port: config.healthPort,
		checks,
		metrics,
		logger,
		beforeScrape: async () => {
			const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
			for (const [state, count] of Object.entries(counts)) {
				metrics.queueDepth.set({ queue: QUIZ_QUEUE, state }, count);
			}
			if (bot) {
				metrics.gatewayPing.set(bot.client.ws.ping);
				for (const shard of bot.client.ws.shards.keys()) {
					metrics.guilds.set(
						{ shard: String(shard) },
						bot.client.guilds.cache.filter((guild) => guild.shardId === shard).size,
					);
				}
			}
		},
	});
	logger.info({ port: health.port }, 'health and metrics server listening');

	return {
		bot,
		worker,
		healthPort: health.port,
		async stop() {
			// New work stops first, in-flight interactions and jobs finish, then connections close.
			clearInterval(scheduleCheck);
			await bot?.drain();
			await worker?.close();
			await health.close();
			await bot?.stop();
			await queue.close();
			queueConnection.disconnect();
			workerConnection?.disconnect();
			await prisma.$disconnect();
		},
	};
}
