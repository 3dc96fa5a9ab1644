import type { Queue } from 'bullmq';
import type { DuePost, QuizScheduler } from '../quiz/quizScheduler.js';
import type { QuizSettings } from '../quiz/settings.js';
import { dailyCronPattern, parseLocalTime, weeklyCronPattern, type LocalTime } from '../time/zonedTime.js';
import { closeJobId, QUIZ_JOB_OPTIONS, QuizJob, recapSchedulerId, schedulerId, type QuizJobData } from './quizQueue.js';

function timeOf(settings: QuizSettings, text: string): LocalTime {
	const time = parseLocalTime(text);
	if (!time) {
		throw new Error(`guild ${settings.guildId} has an invalid time "${text}"`);
	}
	return time;
}

const SCHEDULER_PREFIXES = ['quiz-post:', 'quiz-recap:'];

/**
 * The quiz's schedule on BullMQ: one job scheduler per guild for the daily post and one for the
 * weekly recap (cron in the guild's own zone, daylight saving handled by BullMQ), one-off jobs
 * for post-now and catch-ups, and a delayed job per round for its close. Ids are stable, so
 * every call is safe to repeat from any process.
 */
export class BullQuizScheduler implements QuizScheduler {
	public constructor(private readonly queue: Queue<QuizJobData>) {}

	public async scheduleGuild(settings: QuizSettings): Promise<void> {
		await this.queue.upsertJobScheduler(
			schedulerId(settings.guildId),
			{ pattern: dailyCronPattern(timeOf(settings, settings.postTime)), tz: settings.timezone },
			{ name: QuizJob.post, data: { guildId: settings.guildId }, opts: QUIZ_JOB_OPTIONS },
		);
		if (settings.recapEnabled) {
			await this.queue.upsertJobScheduler(
				recapSchedulerId(settings.guildId),
				{
					pattern: weeklyCronPattern(timeOf(settings, settings.recapTime), settings.recapWeekday),
					tz: settings.timezone,
				},
				{ name: QuizJob.recap, data: { guildId: settings.guildId }, opts: QUIZ_JOB_OPTIONS },
			);
		} else {
			await this.queue.removeJobScheduler(recapSchedulerId(settings.guildId));
		}
	}

	public async unscheduleGuild(guildId: string): Promise<void> {
		await this.queue.removeJobScheduler(schedulerId(guildId));
		await this.queue.removeJobScheduler(recapSchedulerId(guildId));
	}

	public async reconcile(active: readonly QuizSettings[]): Promise<{ upserted: number; removed: number }> {
		for (const settings of active) {
			await this.scheduleGuild(settings);
		}
		const wanted = new Set(
			active.flatMap((settings) =>
				settings.recapEnabled
					? [schedulerId(settings.guildId), recapSchedulerId(settings.guildId)]
					: [schedulerId(settings.guildId)],
			),
		);
		let removed = 0;
		for (const scheduler of await this.queue.getJobSchedulers(0, -1)) {
			const id = scheduler.id ?? scheduler.key;
			if (SCHEDULER_PREFIXES.some((prefix) => id.startsWith(prefix)) && !wanted.has(id)) {
				await this.queue.removeJobScheduler(id);
				removed += 1;
			}
		}
		return { upserted: active.length, removed };
	}

	/**
	 * One-off posts are deduplicated while one for the same guild and date is waiting or running
	 * (BullMQ's simple-mode deduplication), never by job id: a failed job keeps its id for a
	 * month, and a request that collided with it would be swallowed.
	 */
	public async requestPostNow(guildId: string, localDate: string, now: Date): Promise<void> {
		await this.queue.add(
			QuizJob.post,
			{ guildId, scheduledFor: now.toISOString(), manual: true },
			{ deduplication: { id: `post-now-${guildId}-${localDate}` } },
		);
	}

	public async requestCatchUp(post: DuePost): Promise<void> {
		await this.queue.add(
			QuizJob.post,
			{ guildId: post.guildId, scheduledFor: post.dueAt.toISOString() },
			{ deduplication: { id: `catch-up-${post.guildId}-${post.localDate}` } },
		);
	}

	public async scheduleClose(roundId: number, closesAt: Date, now: Date): Promise<void> {
		await this.queue.add(
			QuizJob.close,
			{ roundId },
			{ jobId: closeJobId(roundId), delay: Math.max(0, closesAt.getTime() - now.getTime()) },
		);
	}
}
