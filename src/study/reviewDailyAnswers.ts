import { reviewCard } from './cards.js';
import type { StudyDependencies } from './studyDependencies.js';

/**
 * A closed daily round's answers, each a review of its member's card, dated when it was given.
 * Run when the round closes rather than on each click, so the answer path stays one statement;
 * the round's question is never asked in that server's practice while it is open, so nothing
 * reviews it in between. Replaying it changes nothing (one review per answer).
 */
export async function reviewDailyAnswers(
	deps: Pick<StudyDependencies, 'store'>,
	roundId: number,
): Promise<{ readonly reviewed: number }> {
	let reviewed = 0;
	for (const answer of await deps.store.roundAnswers(roundId)) {
		const recorded = await deps.store.recordReview(answer, (previous) => {
			// The same question may have been practised since, in another server: never review back in time.
			const at =
				previous?.lastReview && previous.lastReview > answer.answeredAt ? previous.lastReview : answer.answeredAt;
			return reviewCard(previous, answer.questionId, answer.correct, at);
		});
		reviewed += recorded === 'recorded' ? 1 : 0;
	}
	return { reviewed };
}
