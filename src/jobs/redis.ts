import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';

/**
 * Redis connections as BullMQ's production guide asks: workers retry commands forever (so a
 * Redis restart pauses them instead of failing jobs); queues fail fast when Redis is down.
 */
export function createRedis(url: string, role: 'worker' | 'queue', logger: Logger): Redis {
	const redis =
		role === 'worker'
			? new Redis(url, { maxRetriesPerRequest: null })
			: new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
	// ioredis reconnects by itself; without a listener each failed attempt would also be printed raw.
	redis.on('error', (error: Error) => {
		logger.warn({ err: error, connection: role }, 'redis connection error; reconnecting');
	});
	return redis;
}
