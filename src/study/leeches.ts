import type { Question } from '../quiz/questionBank.js';
import { unsuspend } from './cards.js';
import type { StudyDependencies } from './studyDependencies.js';

export interface Leech {
	readonly question: Question;
	readonly lapses: number;
	readonly suspendedAt: Date;
}

/** `/review leeches`: the member's suspended cards, most recently suspended first, with their questions. */
export async function listLeeches(deps: Pick<StudyDependencies, 'store' | 'bank'>, userId: string): Promise<Leech[]> {
	const cards = await deps.store.cardsOf(userId);
	return cards
		.flatMap((card) => {
			const question = deps.bank.get(card.questionId);
			return card.suspendedAt !== null && question
				? [{ question, lapses: card.lapses, suspendedAt: card.suspendedAt }]
				: [];
		})
		.sort((left, right) => right.suspendedAt.getTime() - left.suspendedAt.getTime());
}

export type UnsuspendOutcome =
	| { readonly status: 'unsuspended'; readonly question: Question }
	| { readonly status: 'not-suspended' }
	| { readonly status: 'unknown' };

/** Puts a leech back into review, due at once; it is a leech again after four more lapses. */
export async function unsuspendLeech(
	deps: Pick<StudyDependencies, 'store' | 'bank' | 'clock'>,
	userId: string,
	questionId: string,
): Promise<UnsuspendOutcome> {
	const [card, question] = [await deps.store.card(userId, questionId), deps.bank.get(questionId)];
	if (!card || !question) {
		return { status: 'unknown' };
	}
	if (card.suspendedAt === null) {
		return { status: 'not-suspended' };
	}
	await deps.store.saveCard(userId, unsuspend(card, deps.clock()));
	return { status: 'unsuspended', question };
}
