import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QuizSettings } from '../quiz/settings.js';
import { dailyCronPattern, parseLocalTime, weeklyCronPattern, type LocalTime } from '../quiz/zonedTime.js';

export const QUIZ_QUEUE = 'quiz';

export const QuizJob = {
	post: 'post-round',
	close: 'close-round',
	recap: 'weekly-recap',
} as const;

export interface PostRoundData {
	readonly guildId: string;
	/** The instant the post is for; the local date is taken from it in the guild's zone. Absent: when the job was due. */
	readonly scheduledFor?: string;
	/** Asked for with `/quiz post-now`: posts even while the quiz is paused. */
	readonly manual?: boolean;
}

export interface CloseRoundData {
	readonly roundId: number;
}

export interface RecapData {
	readonly guildId: string;
	/** The instant the recap is for; absent: when the job was due. */
	readonly scheduledFor?: string;
}

export type QuizJobData = PostRoundData | CloseRoundData | RecapData;

/** Retries with backoff; finished jobs are kept for a while to inspect, then trimmed. */
export const QUIZ_JOB_OPTIONS = {
	attempts: 8,
	backoff: { type: 'exponential', delay: 5_000 },
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

function timeOf(settings: QuizSettings, text: string): LocalTime {
	const time = parseLocalTime(text);
	if (!time) {
		throw new Error(`guild ${settings.guildId} has an invalid time "${text}"`);
	}
	return time;
}

/**
 * Creates or updates the guild's schedulers: the daily post and, when on, the weekly recap;
 * cron in the guild's own zone, daylight saving handled by the scheduler.
 */
export async function upsertGuildSchedule(queue: Queue<QuizJobData>, settings: QuizSettings): Promise<void> {
	await queue.upsertJobScheduler(
		schedulerId(settings.guildId),
		{ pattern: dailyCronPattern(timeOf(settings, settings.postTime)), tz: settings.timezone },
		{ name: QuizJob.post, data: { guildId: settings.guildId }, opts: QUIZ_JOB_OPTIONS },
	);
	if (settings.recapEnabled) {
		await queue.upsertJobScheduler(
			recapSchedulerId(settings.guildId),
			{
				pattern: weeklyCronPattern(timeOf(settings, settings.recapTime), settings.recapWeekday),
				tz: settings.timezone,
			},
			{ name: QuizJob.recap, data: { guildId: settings.guildId }, opts: QUIZ_JOB_OPTIONS },
		);
	} else {
		await queue.removeJobScheduler(recapSchedulerId(settings.guildId));
	}
}

export async function removeGuildSchedule(queue: Queue<QuizJobData>, guildId: string): Promise<void> {
	await queue.removeJobScheduler(schedulerId(guildId));
	await queue.removeJobScheduler(recapSchedulerId(guildId));
}

/**
 * Makes Redis match Postgres: every active guild has exactly its scheduler and no other guild
 * has one. Run on start, it heals an emptied or stale Redis.
 */
export async function reconcileSchedules(
	queue: Queue<QuizJobData>,
	active: readonly QuizSettings[],
): Promise<{ upserted: number; removed: number }> {
	for (const settings of active) {
		await upsertGuildSchedule(queue, settings);
	}
	const wanted = new Set(
		active.flatMap((settings) =>
			settings.recapEnabled
				? [schedulerId(settings.guildId), recapSchedulerId(settings.guildId)]
				: [schedulerId(settings.guildId)],
		),
	);
	let removed = 0;
	for (const scheduler of await queue.getJobSchedulers(0, -1)) {
		const id = scheduler.id ?? scheduler.key;
		if ((id.startsWith('quiz-post:') || id.startsWith('quiz-recap:')) && !wanted.has(id)) {
			await queue.removeJobScheduler(id);
			removed += 1;
		}
	}
	return { upserted: active.length, removed };
}

/** Posts a guild's round for the date of `now` at once (deduplicated per guild and date). */
export async function enqueuePostNow(
	queue: Queue<QuizJobData>,
	guildId: string,
	localDate: string,
	now: Date,
): Promise<void> {
	await queue.add(
		QuizJob.post,
		{ guildId, scheduledFor: now.toISOString(), manual: true },
		{ jobId: `post-now-${guildId}-${localDate}` },
	);
}

/** BullMQ job ids may not contain `:`. */
export function closeJobId(roundId: number): string {
	return `close-round-${roundId}`;
}

/** The delayed job that closes a round at the end of its window (one per round). */
export async function scheduleRoundClose(
	queue: Queue<QuizJobData>,
	roundId: number,
	closesAt: Date,
	now: Date,
): Promise<void> {
	await queue.add(
		QuizJob.close,
		{ roundId },
		{ jobId: closeJobId(roundId), delay: Math.max(0, closesAt.getTime() - now.getTime()) },
	);
}
