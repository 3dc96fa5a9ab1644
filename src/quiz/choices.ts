import type { Question } from './questionBank.js';

/** What a member's picks on a shown question mean. */
export type ChoiceJudgement =
	| { readonly kind: 'invalid-choice' }
	| {
			readonly kind: 'judged';
			/** The picks by their positions as shown, ascending. */
			readonly shown: readonly number[];
			/** The same options' indexes in the bank. */
			readonly optionIndices: readonly number[];
			readonly correct: boolean;
	  };

/**
 * Judges picks on a question shown in `optionOrder` (`optionOrder[shown]` = bank index): one
 * button, or the picks of a "Select TWO/THREE" menu. Picks out of range, repeated, or not as
 * many as the question asks for are invalid; a multi-answer question is right only when exactly
 * its correct options are picked, as on the exam. The daily quiz and practice both judge here.
 */
export function judgeChoices(
	question: Pick<Question, 'correct'>,
	optionOrder: readonly number[],
	shownIndices: readonly number[],
): ChoiceJudgement {
	const shown = [...new Set(shownIndices)].sort((left, right) => left - right);
	const optionIndices = shown.flatMap((index) => {
		const option = optionOrder[index];
		return option === undefined ? [] : [option];
	});
	if (
		shown.length !== question.correct.length ||
		shown.length !== shownIndices.length ||
		optionIndices.length !== shown.length
	) {
		return { kind: 'invalid-choice' };
	}
	return {
		kind: 'judged',
		shown,
		optionIndices,
		correct: optionIndices.every((index) => question.correct.includes(index)),
	};
}
