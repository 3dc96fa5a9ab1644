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
