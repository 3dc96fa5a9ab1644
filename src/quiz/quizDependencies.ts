import type { QuestionBank } from './questionBank.js';
import type { QuizAnnouncer } from './quizAnnouncer.js';
import type { QuizScheduler } from './quizScheduler.js';
import type { QuizStore } from './quizStore.js';
import type { QuizRound } from './rounds.js';

/** Everything the quiz's use cases work with; each takes only the part it needs. */
export interface QuizDependencies {
	readonly store: QuizStore;
	readonly scheduler: QuizScheduler;
	readonly announcer: QuizAnnouncer;
	readonly bank: QuestionBank;
	/** The current time; tests set it, so a day needs no waiting. */
	readonly clock: () => Date;
	/** Waits, in real time: a `/quiz post-now` waits briefly for its post to go out. */
	readonly pause: (milliseconds: number) => Promise<void>;
	/** Reads the round a click answers; shared by all clicks, so a burst reads a round once. */
	readonly readRound: (roundId: number) => Promise<QuizRound | undefined>;
}
