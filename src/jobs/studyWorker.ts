import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import type { ConnectionWatch } from './redis.js';
import type { StudyUseCases } from '../study/studyUseCases.js';
import { readStudyJob, REMINDERS_PER_SECOND, STUDY_QUEUE, StudyJob } from './studyQueue.js';

export interface StudyWorkerDependencies {
	readonly study: Pick<StudyUseCases, 'sweepReminders' | 'sendReminder'>;
	readonly logger: Logger;
	/** Where the worker's connection errors go: logged once per outage, not once per retry. */
	readonly watch: ConnectionWatch;
}

async function runStudyJob(deps: StudyWorkerDependencies, job: Job): Promise<string> {
	const request = readStudyJob(job);
	switch (request.name) {
		case StudyJob.sweep: {
			const { queued } = await deps.study.sweepReminders();
			if (queued > 0) {
				deps.logger.info({ queued }, 'review reminders queued');
			}
			return `queued ${String(queued)}`;
		}
		case StudyJob.send: {
			const outcome = await deps.study.sendReminder(request.data);
			if (outcome.status === 'dm-closed') {
				deps.logger.info(
					{ userId: request.data.userId },
					'review reminder refused: the member takes no DMs; not retried',
				);
			}
			return outcome.status;
		}
	}
}

/** The BullMQ worker for review reminders; DMs across all workers are rate limited in Redis. */
export function createStudyWorker(deps: StudyWorkerDependencies, connection: Redis, prefix: string): Worker {
	const worker = new Worker(STUDY_QUEUE, (job) => runStudyJob(deps, job), {
		connection,
		prefix,
		concurrency: 4,
		limiter: { max: REMINDERS_PER_SECOND, duration: 1000 },
	});
	worker.on('failed', (job, error) => {
		deps.logger.warn({ jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, err: error }, 'study job failed');
	});
	worker.on('error', (error) => {
		deps.watch.down('redis', error);
	});
	return worker;
}
