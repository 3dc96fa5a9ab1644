import type { Queue } from 'bullmq';
import { Status } from 'discord.js';
import type { Redis } from 'ioredis';
import type { RunningBot } from '../discord/bot.js';
import { startHealthServer, type HealthServer, type ReadinessCheck } from '../health/healthServer.js';
import type { Metrics } from '../health/metrics.js';
import { QUIZ_QUEUE, type QuizJobData } from '../jobs/quizQueue.js';
import type { Logger } from '../logging/logger.js';

/**
 * /healthz, /readyz and /metrics for a process: ready when Postgres and Redis answer and, in a
 * bot process, the gateway is connected; queue depth, gateway ping and guilds per shard are read
 * when Prometheus scrapes.
 */
export async function serveHealth(options: {
	readonly port: number;
	/** True when Postgres answers. */
	readonly database: () => Promise<boolean>;
	readonly redis: Redis;
	readonly queue: Queue<QuizJobData>;
	readonly bot: RunningBot | undefined;
	readonly metrics: Metrics;
	readonly logger: Logger;
}): Promise<HealthServer> {
	const { redis, queue, bot, metrics } = options;
	const checks: ReadinessCheck[] = [
		{ name: 'postgres', check: options.database },
		{
			name: 'redis',
			check: async () => {
				await redis.ping();
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
	return startHealthServer({
		port: options.port,
		checks,
		metrics,
		logger: options.logger,
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
}
