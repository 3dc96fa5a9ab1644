import { localDate, parseLocalTime, zonedInstant } from '../time/zonedTime.js';
import { keeperShouldRetry } from './postFailure.js';
import type { QuizDependencies } from './quizDependencies.js';
import type { DuePost } from './quizScheduler.js';
import { POST_CLAIM_TIMEOUT_MS, type QuizRound } from './rounds.js';
import { answerWindowEnd, type QuizSettings } from './settings.js';

export function roundKey(guildId: string, date: string): string {
	return `${guildId}/${date}`;
}

/** Whether a round of today still needs posting by the keeper: not posted, nobody at it, and worth a try. */
function needsPosting(round: QuizRound | undefined, now: Date): boolean {
	if (!round) {
		return true;
	}
	if (round.messageId !== null) {
		return false;
	}
	if (round.postClaimedAt !== null && now.getTime() - round.postClaimedAt.getTime() < POST_CLAIM_TIMEOUT_MS) {
		return false;
	}
	return round.lastFailure === undefined || keeperShouldRetry(round.lastFailure, now);
}

/**
 * Today's posts that are due by `now`, still inside their answer window, and not out: what a
 * lost schedule (an emptied or restarted Redis) failed to fire, a post whose worker died, or a
 * failed post worth another try. `roundsToday` holds the rounds that exist, by `guildId/localDate`.
 */
export function findMissedPosts(
	active: readonly QuizSettings[],
	roundsToday: ReadonlyMap<string, QuizRound>,
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
		const missed =
			now >= dueAt && now < windowEnds && needsPosting(roundsToday.get(roundKey(settings.guildId, date)), now);
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
	const missed = findMissedPosts(
		active,
		new Map(rounds.map((round) => [roundKey(round.guildId, round.localDate), round])),
		now,
	);
	for (const post of missed) {
		await deps.scheduler.requestCatchUp(post);
	}
	const open = await deps.store.openRounds();
	for (const round of open) {
		await deps.scheduler.scheduleClose(round.id, round.closesAt, now);
	}
	return { ...reconciled, caughtUp: missed.length, closesRescheduled: open.length };
}
