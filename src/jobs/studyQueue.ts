import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { DueReminder, ReminderQueue } from '../study/reminderQueue.js';

export const STUDY_QUEUE = 'study';

export const StudyJob = {
	sweep: 'reminder-sweep',
	send: 'send-reminder',
} as const;

/** The sweep runs every minute, from one job scheduler whatever the number of members. */
export const REMINDER_SWEEP_EVERY_MS = 60_000;
const SWEEP_SCHEDULER_ID = 'review-reminder-sweep';
/**
 * Review DMs, all workers together, at most this many a second (BullMQ's queue-wide limiter
 * lives in Redis): two REST calls each, 40 of Discord's 50 a second, leaving room for the
 * quiz's posts.
 */
export const REMINDERS_PER_SECOND = 20;

const sendData = z.object({
	userId: z.string().regex(/^\d{1,20}$/u),
	localDate: z.iso.date(),
});

export type StudyJobRequest =
	{ readonly name: typeof StudyJob.sweep } | { readonly name: typeof StudyJob.send; readonly data: DueReminder };

export class UnknownStudyJobError extends Error {
	public constructor(name: string, problem: string) {
		super(`study job "${name}" ${problem}`);
		this.name = 'UnknownStudyJobError';
	}
}

export function readStudyJob(job: Pick<Job, 'name' | 'data'>): StudyJobRequest {
	switch (job.name) {
		case StudyJob.sweep:
			return { name: StudyJob.sweep };
		case StudyJob.send: {
			const parsed = sendData.safeParse(job.data);
			if (!parsed.success) {
				throw new UnknownStudyJobError(
					job.name,
					`has bad data: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
				);
			}
			return { name: StudyJob.send, data: parsed.data };
		}
		default:
			throw new UnknownStudyJobError(job.name, 'is not a job of this version of the bot');
	}
}

const STUDY_JOB_OPTIONS = {
	attempts: 5,
	backoff: { type: 'exponential', delay: 30_000 },
	removeOnComplete: { age: 2 * 24 * 3600, count: 10_000 },
	removeOnFail: { age: 7 * 24 * 3600 },
} satisfies JobsOptions;

export function createStudyQueue(connection: Redis, prefix: string): Queue {
	return new Queue(STUDY_QUEUE, { connection, prefix, defaultJobOptions: STUDY_JOB_OPTIONS });
}

/** One send per member and local date: the job id makes a second one for the same day a no-op. */
export function reminderJobId(reminder: DueReminder): string {
	return `reminder-${reminder.userId}-${reminder.localDate}`;
}

/** Review reminders on BullMQ: the minutely sweep's scheduler, and one send job per reminder due. */
export class BullReminderQueue implements ReminderQueue {
	public constructor(private readonly queue: Queue) {}

	/** Safe to repeat from any process: the scheduler's id is fixed. */
	public async scheduleSweep(): Promise<void> {
		await this.queue.upsertJobScheduler(
			SWEEP_SCHEDULER_ID,
			{ every: REMINDER_SWEEP_EVERY_MS },
			{ name: StudyJob.sweep, data: {}, opts: { removeOnComplete: true, removeOnFail: { age: 24 * 3600 } } },
		);
	}

	public async enqueueReminders(reminders: readonly DueReminder[]): Promise<void> {
		await this.queue.addBulk(
			reminders.map((reminder) => ({
				name: StudyJob.send,
				data: reminder,
				opts: { ...STUDY_JOB_OPTIONS, jobId: reminderJobId(reminder) },
			})),
		);
	}
}
