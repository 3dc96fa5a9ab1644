import type { QuizSettings } from './settings.js';

/** A post a guild should have had today and did not (its schedule was lost). */
export interface DuePost {
	readonly guildId: string;
	readonly localDate: string;
	/** When the post was due, in the guild's zone. */
	readonly dueAt: Date;
}

/**
 * When the quiz's work happens (BullMQ on Redis in production: `src/jobs`). Every call is safe
 * to repeat: schedules have stable ids and one-off requests are deduplicated per round.
 */
export interface QuizScheduler {
	/** Creates or updates the guild's daily post and, when on, its weekly recap, in the guild's zone. */
	scheduleGuild(settings: QuizSettings): Promise<void>;
	unscheduleGuild(guildId: string): Promise<void>;
	/** Makes the schedules exactly those of these active guilds: missing ones added, others removed. */
	reconcile(active: readonly QuizSettings[]): Promise<{ readonly upserted: number; readonly removed: number }>;
	/** Posts the guild's round of a local date at once, even while the quiz is paused. */
	requestPostNow(guildId: string, localDate: string, now: Date): Promise<void>;
	/** Posts a round that a lost schedule missed. */
	requestCatchUp(post: DuePost): Promise<void>;
	/** Closes the round at `closesAt` (at once when that has passed). */
	scheduleClose(roundId: number, closesAt: Date, now: Date): Promise<void>;
}
