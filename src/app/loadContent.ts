import type { Logger } from '../logging/logger.js';
import type { Question } from '../quiz/questionBank.js';
import { loadSearchIndex } from '../search/loadSearchIndex.js';
import type { SearchIndex } from '../search/searchIndex.js';

/**
 * The notes (indexed for search) and the question bank (checked against the notes). What is
 * wrong with a file or a question is logged and that part left out; without any note it throws.
 */
export async function loadContent(
	contentDir: string,
	logger: Logger,
): Promise<{ readonly index: SearchIndex; readonly questions: readonly Question[] }> {
	const { index, problems, bank } = await loadSearchIndex(contentDir);
	for (const problem of problems) {
		logger.warn({ path: problem.path }, `note skipped: ${problem.path} ${problem.reason}`);
	}
	for (const problem of bank.problems) {
		logger.warn(
			{ file: problem.file, entry: problem.entry },
			`question skipped: ${problem.file}${problem.entry === undefined ? '' : ` (${problem.entry})`} ${problem.reason}`,
		);
	}
	logger.info({ sections: index.sections.length, questions: bank.questions.length }, 'content loaded');
	return { index, questions: bank.questions };
}
