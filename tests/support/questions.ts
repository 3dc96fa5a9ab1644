import type { Question } from '../../src/quiz/questionBank.js';

/** A question for tests: option 0 is right; the rest are wrong. */
export function testQuestion(id: string, topic: string, options = ['right', 'wrong', 'also wrong']): Question {
	return {
		id,
		topic,
		difficulty: 'easy',
		prompt: `Question ${id}?`,
		options,
		correctIndex: 0,
		explanation: 'Because.',
		sectionId: 'notes.section',
		evidence: 'x',
		file: 'test.yaml',
	};
}
