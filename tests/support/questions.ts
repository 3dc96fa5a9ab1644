import type { Question } from '../../src/quiz/questionBank.js';

/** A question for tests: option 0 is right (or options 0 and 1 with `correct: [0, 1]`); the rest are wrong. */
export function testQuestion(
	id: string,
	topic: string,
	options = ['right', 'wrong', 'also wrong'],
	correct: readonly number[] = [0],
): Question {
	return {
		id,
		topic,
		domain: 'secure',
		difficulty: 'easy',
		reviewed: '2026-12-01',
		prompt: `Question ${id}?`,
		options: options.map((text, index) => ({
			text,
			why: correct.includes(index) ? `Why ${text} is right.` : `Why ${text} is wrong.`,
		})),
		correct,
		explanation: 'Because.',
		sectionId: 'notes.section',
		evidence: 'x',
		file: 'test.yaml',
	};
}
