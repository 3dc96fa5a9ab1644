import type { StudyDependencies } from './studyDependencies.js';
import type { StudyFootprint } from './studyStore.js';

/** `/privacy`: what the bot holds about the member. */
export function privacyFootprint(deps: Pick<StudyDependencies, 'store'>, userId: string): Promise<StudyFootprint> {
	return deps.store.footprint(userId);
}

/**
 * Deletes everything the bot holds about the member, after they confirmed: cards, review logs,
 * practice sessions and answers, the reminder, and their daily quiz answers, totals and names in
 * every server. Quiz answers are deleted rather than kept as anonymous counts: the member leaves
 * every leaderboard (those below move up a place) and round statistics no longer count them.
 */
export function forgetMember(deps: Pick<StudyDependencies, 'store'>, userId: string): Promise<StudyFootprint> {
	return deps.store.forget(userId);
}
