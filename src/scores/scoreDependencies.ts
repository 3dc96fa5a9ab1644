import type { QuestionBank } from '../quiz/questionBank.js';
import type { QuizStore } from '../quiz/quizStore.js';
import type { RecapAnnouncer } from './recapAnnouncer.js';
import type { ScoreStore } from './scoreStore.js';

export interface ScoreDependencies {
	readonly scores: ScoreStore;
	/** For the weekly recap: whether it is on, and where it goes. */
	readonly quizStore: Pick<QuizStore, 'getSettings'>;
	readonly recapAnnouncer: RecapAnnouncer;
	readonly bank: QuestionBank;
	readonly clock: () => Date;
}
