import { Redis } from 'ioredis';

/**
 * Redis connections as BullMQ's production guide asks: workers retry commands forever (so a
 * Redis restart pauses them instead of failing jobs); queues fail fast when Redis is down.
 */
export function createRedis(url: string, role: 'worker' | 'queue'): Redis {
	return role === 'worker'
		? new Redis(url, { maxRetriesPerRequest: null })
		: new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
}
