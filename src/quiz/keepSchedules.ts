import { localDate, parseLocalTime, zonedInstant } from '../time/zonedTime.js';
import type { QuizDependencies } from './quizDependencies.js';
import type { DuePost } from './quizScheduler.js';
import { answerWindowEnd, type QuizSettings } from './settings.js';

function roundKey(guildId: string, date: string): string {
	return `${guildId}/${date}`;
}

/**
 * Today's posts that are due by `now` and still inside their answer window, for guilds that
 * have no round today: what a lost schedule (an emptied or restarted Redis) failed to fire.
 * `roundsToday` holds `guildId/localDate` of the rounds that exist.
 */
export function findMissedPosts(
	active: readonly QuizSettings[],
	roundsToday: ReadonlySet<string>,
	now: Date,
): DuePost[] {
	return active.flatMap((settings) => {
		const time = parseLocalTime(settings.postTime);
		if (!time) {
			return [];
		}
		const date = localDate(now, settings.timezone);
		const dueAt = zonedInstant(date, time, settings.timezone);
		const windowEnds = answerWindowEnd(dueAt, settings.answerWindowHours);
		const missed = now >= dueAt && now < windowEnds && !roundsToday.has(roundKey(settings.guildId, date));
		return missed ? [{ guildId: settings.guildId, localDate: date, dueAt }] : [];
	});
}

export interface KeptSchedules {
	readonly upserted: number;
	readonly removed: number;
	readonly caughtUp: number;
	readonly closesRescheduled: number;
}

/**
 * Makes the scheduler hold everything the store says it should: each active guild's schedule,
 * a post for today when its schedule was lost before firing, and the close of every open round.
 * Every step is idempotent, so it runs on start and then periodically, from any number of processes.
 */
export async function keepSchedules(
	deps: Pick<QuizDependencies, 'store' | 'scheduler' | 'clock'>,
): Promise<KeptSchedules> {
	const now = deps.clock();
	const active = await deps.store.listActiveSettings();
	const reconciled = await deps.scheduler.reconcile(active);
	const dates = [...new Set(active.map((settings) => localDate(now, settings.timezone)))];
	const rounds = await deps.store.roundsOn(
		active.map((settings) => settings.guildId),
		dates,
	);
	const missed = findMissedPosts(active, new Set(rounds.map((round) => roundKey(round.guildId, round.localDate))), now);
	for (const post of missed) {
		await deps.scheduler.requestCatchUp(post);
	}
	const open = await deps.store.openRounds();
	for (const round of open) {
		await deps.scheduler.scheduleClose(round.id, round.closesAt, now);
	}
	return { ...reconciled, caughtUp: missed.length, closesRescheduled: open.length };
}
