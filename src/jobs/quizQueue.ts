import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { POST_RETRIES } from '../quiz/postFailure.js';

export const QUIZ_QUEUE = 'quiz';

/** The quiz queue's job names: what each job does. */
export const QuizJob = {
	post: 'post-round',
	close: 'close-round',
	recap: 'weekly-recap',
} as const;

const instant = z.iso.datetime({ offset: true });

const postRoundData = z.object({
	guildId: z.string().min(1),
	/** The instant the post is for; the local date is taken from it in the guild's zone. Absent: when the job was due. */
	scheduledFor: instant.optional(),
	/** Asked for with `/quiz post-now`: posts even while the quiz is paused. */
	manual: z.boolean().optional(),
});

const closeRoundData = z.object({ roundId: z.number().int().positive() });

const recapData = z.object({
	guildId: z.string().min(1),
	/** The instant the recap is for; absent: when the job was due. */
	scheduledFor: instant.optional(),
});

export type PostRoundData = z.infer<typeof postRoundData>;
export type CloseRoundData = z.infer<typeof closeRoundData>;
export type RecapData = z.infer<typeof recapData>;
export type QuizJobData = PostRoundData | CloseRoundData | RecapData;

/** A job of the quiz queue, told apart by its name, with its data checked. */
export type QuizJobRequest =
	| { readonly name: typeof QuizJob.post; readonly data: PostRoundData }
	| { readonly name: typeof QuizJob.close; readonly data: CloseRoundData }
	| { readonly name: typeof QuizJob.recap; readonly data: RecapData };

export class UnknownJobError extends Error {
	public constructor(name: string, problem: string) {
		super(`quiz job "${name}" ${problem}`);
		this.name = 'UnknownJobError';
	}
}

function checked<T>(schema: z.ZodType<T>, job: Pick<Job, 'name' | 'data'>): T {
	const parsed = schema.safeParse(job.data);
	if (!parsed.success) {
		throw new UnknownJobError(
			job.name,
			`has bad data: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
		);
	}
	return parsed.data;
}

/** Reads a job off the queue into its request; a job this version does not know is an error, not a guess. */
export function readQuizJob(job: Pick<Job, 'name' | 'data'>): QuizJobRequest {
	switch (job.name) {
		case QuizJob.post:
			return { name: QuizJob.post, data: checked(postRoundData, job) };
		case QuizJob.close:
			return { name: QuizJob.close, data: checked(closeRoundData, job) };
		case QuizJob.recap:
			return { name: QuizJob.recap, data: checked(recapData, job) };
		default:
			throw new UnknownJobError(job.name, 'is not a job of this version of the bot');
	}
}

/** Retries with backoff as the quiz's rule says; finished jobs are kept for a while to inspect, then trimmed. */
export const QUIZ_JOB_OPTIONS = {
	attempts: POST_RETRIES.attempts,
	backoff: { type: 'exponential', delay: POST_RETRIES.firstDelayMs },
	removeOnComplete: { age: 7 * 24 * 3600, count: 5_000 },
	removeOnFail: { age: 30 * 24 * 3600 },
} satisfies JobsOptions;

export function createQuizQueue(connection: Redis, prefix: string): Queue<QuizJobData> {
	return new Queue<QuizJobData>(QUIZ_QUEUE, { connection, prefix, defaultJobOptions: QUIZ_JOB_OPTIONS });
}

/** One scheduler per guild, with a stable id, so upserting on every boot is safe. */
export function schedulerId(guildId: string): string {
	return `quiz-post:${guildId}`;
}

export function recapSchedulerId(guildId: string): string {
	return `quiz-recap:${guildId}`;
}

/** BullMQ job ids may not contain `:`. */
export function closeJobId(roundId: number): string {
	return `close-round-${roundId}`;
}
