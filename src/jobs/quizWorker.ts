import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ConnectionWatch } from './redis.js';
import type { Logger } from '../logging/logger.js';
import type { QuizUseCases } from '../quiz/quizUseCases.js';
import type { ScoreUseCases } from '../scores/scoreUseCases.js';
import type { StudyUseCases } from '../study/studyUseCases.js';
import { QUIZ_QUEUE, QuizJob, readQuizJob, type QuizJobData } from './quizQueue.js';

export interface QuizWorkerDependencies {
	readonly quiz: Pick<QuizUseCases, 'postDueRound' | 'closeRound'>;
	readonly scores: Pick<ScoreUseCases, 'postWeeklyRecap'>;
	/** A closed round's answers become reviews of the members' cards. */
	readonly study: Pick<StudyUseCases, 'reviewDailyAnswers'>;
	readonly logger: Logger;
	/** Where the worker's connection errors go: logged once per outage, not once per retry. */
	readonly watch: ConnectionWatch;
}

/** When a job without an instant of its own was due: its scheduler's fire time. */
function dueAt(job: Job): Date {
	return new Date(job.timestamp + (job.delay || 0));
}

/** Turns one job into the use case it asks for, and says in the log what came of it. */
async function runQuizJob(deps: QuizWorkerDependencies, job: Job<QuizJobData>): Promise<string> {
	const request = readQuizJob(job);
	switch (request.name) {
		case QuizJob.post: {
			const { guildId, scheduledFor, manual } = request.data;
			const outcome = await deps.quiz.postDueRound({
				guildId,
				scheduledFor: scheduledFor === undefined ? dueAt(job) : new Date(scheduledFor),
				manual: manual === true,
				attempt: job.attemptsMade + 1,
			});
			if (outcome.status === 'posted') {
				deps.logger.info(
					{ guildId, roundId: outcome.round.id, questionId: outcome.question.id, localDate: outcome.round.localDate },
					'quiz question posted',
				);
			} else if (outcome.status === 'failed') {
				deps.logger.warn(
					{ guildId, roundId: outcome.round.id, failure: outcome.failure, reported: outcome.reported },
					'quiz question not posted: Discord refused it; waiting for a fix',
				);
			} else if (outcome.status === 'no-question') {
				deps.logger.warn({ guildId }, 'no question to post: the question bank is empty');
			}
			return outcome.status;
		}
		case QuizJob.close: {
			const outcome = await deps.quiz.closeRound(request.data.roundId);
			if (outcome.status === 'closed') {
				deps.logger.info(
					{ guildId: outcome.round.guildId, roundId: outcome.round.id, ...outcome.stats },
					'quiz round closed',
				);
			}
			if (outcome.status !== 'unknown') {
				// Also on a retry of a round already closed: reviewing an answer twice changes nothing.
				await deps.study.reviewDailyAnswers(request.data.roundId);
			}
			return outcome.status;
		}
		case QuizJob.recap: {
			const { guildId, scheduledFor } = request.data;
			const outcome = await deps.scores.postWeeklyRecap({
				guildId,
				scheduledFor: scheduledFor === undefined ? dueAt(job) : new Date(scheduledFor),
			});
			if (outcome.status === 'posted') {
				deps.logger.info({ guildId, weekOf: outcome.weekOf }, 'weekly recap posted');
			}
			return outcome.status;
		}
	}
}

/** The BullMQ worker for the quiz queue; any number of them can share one Redis and Postgres. */
export function createQuizWorker(
	deps: QuizWorkerDependencies,
	connection: Redis,
	prefix: string,
	concurrency = 8,
): Worker<QuizJobData> {
	const worker = new Worker<QuizJobData>(QUIZ_QUEUE, (job) => runQuizJob(deps, job), {
		connection,
		prefix,
		concurrency,
	});
	worker.on('failed', (job, error) => {
		deps.logger.warn({ jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, err: error }, 'quiz job failed');
	});
	worker.on('error', (error) => {
		deps.watch.down('redis', error);
	});
	return worker;
}
