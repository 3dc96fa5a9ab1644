import type { Queue } from 'bullmq';
import type { PrismaClient } from '../db/client.js';
import type { QuizSettings } from '../quiz/settings.js';
import { listActiveQuizSettings } from '../quiz/settings.js';
import { localDate, parseLocalTime, zonedInstant } from '../quiz/zonedTime.js';
import { QuizJob, type QuizJobData, reconcileSchedules, scheduleRoundClose } from './quizQueue.js';

export interface DuePost {
	readonly guildId: string;
	readonly localDate: string;
	/** When the post was due, in the guild's zone. */
	readonly dueAt: Date;
}

/**
 * Today's posts that are due by `now` and still inside their answer window, for guilds that
 * have no round today: what a lost scheduler (an emptied or restarted Redis) failed to fire.
 */
export function findMissedPosts(
	active: readonly QuizSettings[],
	roundDates: ReadonlySet<string>,
	now: Date,
): DuePost[] {
	return active.flatMap((settings) => {
		const time = parseLocalTime(settings.postTime);
		if (!time) {
			return [];
		}
		const date = localDate(now, settings.timezone);
		const dueAt = zonedInstant(date, time, settings.timezone);
		const windowEnds = dueAt.getTime() + settings.answerWindowHours * 3_600_000;
		const missed = now >= dueAt && now.getTime() < windowEnds && !roundDates.has(roundKey(settings.guildId, date));
		return missed ? [{ guildId: settings.guildId, localDate: date, dueAt }] : [];
	});
}

function roundKey(guildId: string, date: string): string {
	return `${guildId}/${date}`;
}

/** BullMQ job ids may not contain `:`; one catch-up per guild and date, however often it is enqueued. */
export function catchUpJobId(post: DuePost): string {
	return `catch-up-${post.guildId}-${post.localDate}`;
}

export interface KeptSchedules {
	readonly upserted: number;
	readonly removed: number;
	readonly caughtUp: number;
	readonly closesRescheduled: number;
}

/**
 * Makes Redis hold everything Postgres says it should: each active guild's schedulers, a post
 * for today when its scheduler was lost before firing, and the close job of every open round.
 * Every step is idempotent (stable scheduler and job ids, one round per guild and date), so it
 * runs on start and then periodically, from any number of processes.
 */
export async function keepSchedules(
	prisma: PrismaClient,
	queue: Queue<QuizJobData>,
	now: Date,
): Promise<KeptSchedules> {
	const active = await listActiveQuizSettings(prisma);
	const reconciled = await reconcileSchedules(queue, active);
	const dates = [...new Set(active.map((settings) => localDate(now, settings.timezone)))];
	const rounds = await prisma.quizRound.findMany({
		where: { guildId: { in: active.map((settings) => settings.guildId) }, localDate: { in: dates } },
		select: { guildId: true, localDate: true },
	});
	const missed = findMissedPosts(active, new Set(rounds.map((round) => roundKey(round.guildId, round.localDate))), now);
	for (const post of missed) {
		await queue.add(
			QuizJob.post,
			{ guildId: post.guildId, scheduledFor: post.dueAt.toISOString() },
			{ jobId: catchUpJobId(post) },
		);
	}
	const open = await prisma.quizRound.findMany({
		where: { messageId: { not: null }, closedAt: null },
		select: { id: true, closesAt: true },
	});
	for (const round of open) {
		await scheduleRoundClose(queue, round.id, round.closesAt, now);
	}
	return { ...reconciled, caughtUp: missed.length, closesRescheduled: open.length };
}
