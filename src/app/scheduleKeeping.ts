import type { Logger } from '../logging/logger.js';
import type { KeptSchedules } from '../quiz/keepSchedules.js';

export interface ScheduleKeeping {
	stop(): void;
}

/**
 * Runs the schedule keeper every `intervalSeconds`, one run at a time: a Redis that lost its
 * schedules is healed within one interval, and a question a lost schedule missed is posted.
 */
export function startScheduleKeeping(
	keepSchedules: () => Promise<KeptSchedules>,
	intervalSeconds: number,
	logger: Logger,
): ScheduleKeeping {
	let checking = false;
	const timer = setInterval(() => {
		if (checking) {
			return;
		}
		checking = true;
		keepSchedules()
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
	}, intervalSeconds * 1000);
	return {
		stop() {
			clearInterval(timer);
		},
	};
}

/** Saved search queries (for paging long ones) not searched for in this long are forgotten. */
const SAVED_QUERY_LIFETIME_MS = 30 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

/** Forgets old saved queries once an hour, so the table holds only recent searches. */
export function startPruning(
	savedQueries: { prune(before: Date): Promise<number> },
	logger: Logger,
	clock: () => Date,
): ScheduleKeeping {
	const timer = setInterval(() => {
		savedQueries.prune(new Date(clock().getTime() - SAVED_QUERY_LIFETIME_MS)).then(
			(count) => {
				if (count > 0) {
					logger.info({ count }, 'old saved search queries forgotten');
				}
			},
			(error: unknown) => {
				logger.warn({ err: error }, 'could not prune saved search queries; trying again later');
			},
		);
	}, PRUNE_EVERY_MS);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
		},
	};
}
