import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logging/logger.js';
import { retryDelay, type ServiceName, type ServiceWatch } from './serviceWatch.js';

/** One step of start-up that needs Postgres or Redis. */
export interface StartStep {
	readonly name: string;
	run(): Promise<void>;
}

/**
 * Runs start-up steps in order, each until it succeeds, so a process started while Postgres or
 * Redis is away finishes its start by itself once they are back. A failure that `classify`
 * puts down to a service goes to the watch (one warning, then a reminder a minute) and is
 * retried with backoff; any other failure (a broken migration) rejects. Stops on `signal`.
 */
export async function finishStart(
	steps: readonly StartStep[],
	options: {
		readonly watch: ServiceWatch;
		readonly logger: Logger;
		readonly classify: (error: unknown) => ServiceName | undefined;
		readonly maxDelayMs: number;
		readonly signal: AbortSignal;
	},
): Promise<void> {
	for (const step of steps) {
		for (let attempt = 1; !options.signal.aborted; attempt += 1) {
			try {
				await step.run();
				break;
			} catch (error) {
				const away = options.classify(error);
				if (away === undefined) {
					throw error;
				}
				options.watch.down(away, error, step.name);
				await sleep(retryDelay(attempt, options.maxDelayMs), undefined, { signal: options.signal }).catch(
					() => undefined,
				);
			}
		}
		if (options.signal.aborted) {
			return;
		}
	}
	options.watch.up('postgres');
	options.watch.up('redis');
	options.logger.info({ steps: steps.map((step) => step.name) }, 'start-up finished');
}
