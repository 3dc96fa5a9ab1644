import type { QuizDependencies } from './quizDependencies.js';
import { judgeAnswer, type AnswerOutcome } from './rounds.js';

export interface AnswerInput {
	readonly roundId: number;
	/** Where the click came from: a round only takes answers from its own guild. */
	readonly guildId: string | null;
	readonly userId: string;
	readonly displayName: string;
	/** The picked options' positions as shown: the clicked button, or a menu's picks. */
	readonly shownIndices: readonly number[];
}

/**
 * A member's click on the daily question: judged, then stored once (the store keeps one answer
 * per member and round, so concurrent double clicks store one and the loser learns it already
 * answered).
 */
export async function answerQuestion(
	deps: Pick<QuizDependencies, 'store' | 'bank' | 'clock' | 'readRound'>,
	input: AnswerInput,
): Promise<AnswerOutcome> {
	const now = deps.clock();
	const round = await deps.readRound(input.roundId);
	const question = round && deps.bank.get(round.questionId);
	if (!round || !question || round.guildId !== input.guildId || round.postedAt === null) {
		return { status: 'unknown-round' };
	}
	const postedRound = { ...round, postedAt: round.postedAt };
	const decision = judgeAnswer(postedRound, question, input.shownIndices, now);
	if (decision.kind === 'invalid-choice') {
		return { status: 'invalid-choice' };
	}
	if (decision.kind === 'closed') {
		return { status: 'closed', question, round };
	}
	const recorded = await deps.store.recordAnswer({
		round: postedRound,
		userId: input.userId,
		displayName: input.displayName,
		shownIndices: [...input.shownIndices].sort((left, right) => left - right),
		optionIndices: decision.optionIndices,
		correct: decision.correct,
		points: decision.points,
		answeredAt: now,
	});
	if (recorded) {
		return {
			status: 'recorded',
			correct: decision.correct,
			points: decision.points,
			question,
			round,
			picked: [...input.shownIndices].sort((left, right) => left - right),
		};
	}
	const current = await deps.store.getRound(round.id);
	if (current?.closedAt) {
		return { status: 'closed', question, round: current };
	}
	const earlier = await deps.store.findAnswer(round.id, input.userId);
	return {
		status: 'already-answered',
		question,
		round,
		correct: earlier?.correct ?? false,
		picked: earlier?.shownIndices,
	};
}
