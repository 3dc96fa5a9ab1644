import type { QuizDependencies } from './quizDependencies.js';
import type { QuizRound, RoundStats } from './rounds.js';

export type CloseRoundOutcome =
	| { readonly status: 'closed'; readonly round: QuizRound; readonly stats: RoundStats }
	| { readonly status: 'already-closed' }
	| { readonly status: 'unknown' };

/** The end of a round's window: the answer is revealed on the posted message, then the round is closed. */
export async function closeRound(
	deps: Pick<QuizDependencies, 'store' | 'announcer' | 'bank' | 'clock'>,
	roundId: number,
): Promise<CloseRoundOutcome> {
	const round = await deps.store.getRound(roundId);
	const question = round && deps.bank.get(round.questionId);
	if (!round || !question || round.messageId === null) {
		return { status: 'unknown' };
	}
	if (round.closedAt !== null) {
		return { status: 'already-closed' };
	}
	const stats = await deps.store.roundStats(round.id);
	await deps.announcer.revealAnswer({ ...round, messageId: round.messageId }, question, stats);
	await deps.store.markRoundClosed(round.id, deps.clock());
	return { status: 'closed', round, stats };
}
