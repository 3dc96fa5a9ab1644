import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Metrics } from '../health/metrics.js';
import { QUIZ_QUEUE } from '../jobs/quizQueue.js';
import { createQuizWorker, type QuizWorkerDependencies } from '../jobs/quizWorker.js';
import { createStudyWorker, type StudyWorkerDependencies } from '../jobs/studyWorker.js';

/**
 * The BullMQ consumers of a worker process: the quiz's (posts, closes, recaps, counted in the
 * metrics) and the study's (review reminders).
 */
export function startWorkers(
	deps: QuizWorkerDependencies & StudyWorkerDependencies & { readonly metrics: Metrics },
	connection: Redis,
	prefix: string,
): Worker[] {
	const quizWorker = createQuizWorker(deps, connection, prefix);
	quizWorker.on('completed', (job) => {
		deps.metrics.jobs.inc({ queue: QUIZ_QUEUE, name: job.name, outcome: 'completed' });
	});
	quizWorker.on('failed', (job) => {
		deps.metrics.jobs.inc({ queue: QUIZ_QUEUE, name: job?.name ?? 'unknown', outcome: 'failed' });
	});
	return [quizWorker, createStudyWorker(deps, connection, prefix)];
}
