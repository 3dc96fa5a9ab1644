import { createHash } from 'node:crypto';
import type { Question } from '../quiz/questionBank.js';

/**
 * A fixed fifth of the bank's questions (by the SHA-256 of their id) that the index never
 * learns from: their prompts measure how well search answers scenarios it has not seen.
 */
export function isHeldOutFromIndex(questionId: string): boolean {
	return Number.parseInt(createHash('sha256').update(`heldout:${questionId}`).digest('hex').slice(0, 8), 16) % 5 === 0;
}

/**
 * What each section is asked about, in the bank's own words (document expansion, as doc2query
 * does with a model): every question citing it gives its scenario, its correct options and its
 * explanation. Scenarios describe needs without naming the service, which is how members search.
 */
export function questionExpansions(questions: readonly Question[]): Map<string, string> {
	const expansions = new Map<string, string>();
	for (const question of questions) {
		if (isHeldOutFromIndex(question.id)) {
			continue;
		}
		const text = [
			question.prompt,
			...question.correct.map((index) => question.options[index]?.text ?? ''),
			question.explanation,
		].join('\n');
		const earlier = expansions.get(question.sectionId);
		expansions.set(question.sectionId, earlier === undefined ? text : `${earlier}\n${text}`);
	}
	return expansions;
}
