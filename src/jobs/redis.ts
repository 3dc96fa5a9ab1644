import { Redis } from 'ioredis';

/** Where a connection's errors and recoveries go (the process's service watch). */
export interface ConnectionWatch {
	down(service: 'redis', error: unknown): void;
	up(service: 'redis'): void;
}

/**
 * Redis connections as BullMQ's production guide asks: workers retry commands forever (so a
 * Redis restart pauses them instead of failing jobs); queues fail fast when Redis is down.
 * ioredis reconnects by itself; its errors go to the watch, which logs an outage once.
 */
export function createRedis(url: string, role: 'worker' | 'queue', watch: ConnectionWatch): Redis {
	const redis =
		role === 'worker'
			? new Redis(url, { maxRetriesPerRequest: null })
			: new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
	redis.on('error', (error: Error) => {
		watch.down('redis', error);
	});
	redis.on('ready', () => {
		watch.up('redis');
	});
	return redis;
}

/** What ioredis and BullMQ say when Redis cannot be reached (as opposed to a bad command). */
const UNREACHABLE =
	/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|Connection is closed|Stream isn't writeable|enableOfflineQueue|Reached the max retries per request limit|connect ETIMEDOUT/u;

/** True when an error means Redis is out for now: "try again shortly", and retry start-up. */
export function isRedisUnavailable(error: unknown): boolean {
	for (let current: unknown = error, depth = 0; current instanceof Object && depth < 5; depth += 1) {
		const shape = current as { message?: unknown; code?: unknown; cause?: unknown };
		if (
			(typeof shape.message === 'string' && UNREACHABLE.test(shape.message)) ||
			(typeof shape.code === 'string' && UNREACHABLE.test(shape.code))
		) {
			return true;
		}
		current = shape.cause;
	}
	return false;
}
