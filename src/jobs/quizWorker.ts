import { createHash } from 'node:crypto';
import { Worker, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PrismaClient } from '../db/client.js';
import type { QuizPublisher } from '../discord/quizPublisher.js';
import { renderQuizPost, renderQuizReveal } from '../discord/render/quizRound.js';
import { renderWeeklyRecap } from '../discord/render/weeklyRecap.js';
import type { Logger } from '../logging/logger.js';
import type { Question } from '../quiz/questionBank.js';
import {
	claimRoundPost,
	getRound,
	markRoundClosed,
	markRoundPosted,
	prepareRound,
	roundStats,
} from '../quiz/rounds.js';
import { getQuizSettings } from '../quiz/settings.js';
import { localDate } from '../quiz/zonedTime.js';
import { getWeeklyRecap } from '../scores/weeklyRecap.js';
import {
	QUIZ_QUEUE,
	QuizJob,
	scheduleRoundClose,
	type CloseRoundData,
	type PostRoundData,
	type QuizJobData,
	type RecapData,
} from './quizQueue.js';

export interface QuizWorkerDependencies {
	readonly prisma: PrismaClient;
	readonly queue: Queue<QuizJobData>;
	readonly bank: readonly Question[];
	readonly publisher: QuizPublisher;
	readonly logger: Logger;
	/** The current time; tests set it, so a day needs no waiting. */
	readonly clock: () => Date;
}

export type PostResult = 'posted' | 'already-posted' | 'not-active' | 'no-question' | 'no-settings';

/** Thrown when another worker holds the claim on posting; BullMQ retries the job later. */
export class RoundBeingPostedError extends Error {
	public constructor(roundId: number) {
		super(`round ${roundId} is being posted by another worker`);
		this.name = 'RoundBeingPostedError';
	}
}

async function postRound(deps: QuizWorkerDependencies, data: PostRoundData, dueAt: Date): Promise<PostResult> {
	const { prisma, logger } = deps;
	const settings = await getQuizSettings(prisma, data.guildId);
	if (!settings) {
		return 'no-settings';
	}
	if (settings.status !== 'active' && data.manual !== true) {
		return 'not-active';
	}
	const now = deps.clock();
	const date = localDate(data.scheduledFor === undefined ? dueAt : new Date(data.scheduledFor), settings.timezone);
	const prepared = await prepareRound(prisma, deps.bank, settings, date, now);
	if (!prepared) {
		logger.warn({ guildId: settings.guildId }, 'no question to post: the question bank is empty');
		return 'no-question';
	}
	const { round, question } = prepared;
	if (round.messageId !== null) {
		await scheduleRoundClose(deps.queue, round.id, round.closesAt, now);
		return 'already-posted';
	}
	if (!(await claimRoundPost(prisma, round.id, now))) {
		throw new RoundBeingPostedError(round.id);
	}
	const closesAt = new Date(now.getTime() + settings.answerWindowHours * 3_600_000);
	const messageId = await deps.publisher.post(
		settings.channelId,
		renderQuizPost(question, round, settings.roleId, closesAt),
		`studybot-quiz-${round.id}`,
	);
	const posted = await markRoundPosted(prisma, round.id, messageId, now, settings.answerWindowHours);
	await scheduleRoundClose(deps.queue, round.id, posted.closesAt, now);
	logger.info(
		{ guildId: settings.guildId, roundId: round.id, questionId: question.id, localDate: date },
		'quiz question posted',
	);
	return 'posted';
}

async function closeRound(
	deps: QuizWorkerDependencies,
	data: CloseRoundData,
): Promise<'closed' | 'already-closed' | 'unknown'> {
	const round = await getRound(deps.prisma, data.roundId);
	const question = round && deps.bank.find((candidate) => candidate.id === round.questionId);
	if (!round || !question || round.messageId === null) {
		return 'unknown';
	}
	if (round.closedAt !== null) {
		return 'already-closed';
	}
	const stats = await roundStats(deps.prisma, round.id);
	await deps.publisher.edit(round.channelId, round.messageId, renderQuizReveal(question, round, stats));
	await markRoundClosed(deps.prisma, round.id, deps.clock());
	deps.logger.info({ guildId: round.guildId, roundId: round.id, ...stats }, 'quiz round closed');
	return 'closed';
}

/** Posts the week's recap in the quiz channel; the nonce keeps a retried job from posting twice. */
async function postWeeklyRecap(
	deps: QuizWorkerDependencies,
	data: RecapData,
	dueAt: Date,
): Promise<'posted' | 'off' | 'no-settings'> {
	const settings = await getQuizSettings(deps.prisma, data.guildId);
	if (!settings) {
		return 'no-settings';
	}
	if (settings.status !== 'active' || !settings.recapEnabled) {
		return 'off';
	}
	const at = data.scheduledFor === undefined ? dueAt : new Date(data.scheduledFor);
	const recap = await getWeeklyRecap(deps.prisma, { guildId: settings.guildId, timeZone: settings.timezone, now: at });
	const hardest = recap.hardest && deps.bank.find((question) => question.id === recap.hardest?.questionId);
	const nonce = createHash('sha256').update(`recap:${settings.guildId}:${recap.weekOf}`).digest('hex').slice(0, 25);
	await deps.publisher.post(settings.channelId, renderWeeklyRecap(recap, hardest), nonce);
	deps.logger.info({ guildId: settings.guildId, weekOf: recap.weekOf }, 'weekly recap posted');
	return 'posted';
}

/** Runs one quiz job; the clock comes from the dependencies, so tests set the time. */
async function processQuizJob(deps: QuizWorkerDependencies, job: Job<QuizJobData>): Promise<string> {
	const dueAt = new Date(job.timestamp + (job.delay || 0));
	if (job.name === QuizJob.post) {
		return postRound(deps, job.data as PostRoundData, dueAt);
	}
	if (job.name === QuizJob.close) {
		return closeRound(deps, job.data as CloseRoundData);
	}
	if (job.name === QuizJob.recap) {
		return postWeeklyRecap(deps, job.data as RecapData, dueAt);
	}
	throw new Error(`unknown quiz job "${job.name}"`);
}

/** The BullMQ worker for the quiz queue; any number of them can share one Redis and Postgres. */
export function createQuizWorker(
	deps: QuizWorkerDependencies,
	connection: Redis,
	prefix: string,
	concurrency = 8,
): Worker<QuizJobData> {
	const worker = new Worker<QuizJobData>(QUIZ_QUEUE, (job) => processQuizJob(deps, job), {
		connection,
		prefix,
		concurrency,
	});
	worker.on('failed', (job, error) => {
		deps.logger.warn({ jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, err: error }, 'quiz job failed');
	});
	worker.on('error', (error) => {
		deps.logger.error({ err: error }, 'quiz worker error');
	});
	return worker;
}
