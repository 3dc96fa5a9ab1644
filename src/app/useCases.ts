import type { QuestionBank } from '../quiz/questionBank.js';
import type { QuizDependencies } from '../quiz/quizDependencies.js';
import { createQuizUseCases } from '../quiz/quizUseCases.js';
import type { RecapAnnouncer } from '../scores/recapAnnouncer.js';
import { createScoreUseCases } from '../scores/scoreUseCases.js';
import type { ScoreStore } from '../scores/scoreStore.js';
import type { ReminderQueue } from '../study/reminderQueue.js';
import type { ReminderSender } from '../study/reminderSender.js';
import type { StudyStore } from '../study/studyStore.js';
import { createStudyUseCases } from '../study/studyUseCases.js';

/** The adapters every use case is built on: production wires Postgres, BullMQ and Discord REST. */
export interface Adapters extends QuizDependencies {
	readonly scoreStore: ScoreStore;
	readonly recapAnnouncer: RecapAnnouncer;
	readonly bank: QuestionBank;
	readonly studyStore: StudyStore;
	readonly reminderQueue: ReminderQueue;
	readonly reminderSender: ReminderSender;
}

/** The application's use cases, bound to their adapters. */
export function createUseCases(adapters: Adapters) {
	return {
		quiz: createQuizUseCases(adapters),
		scores: createScoreUseCases({
			scores: adapters.scoreStore,
			quizStore: adapters.store,
			recapAnnouncer: adapters.recapAnnouncer,
			bank: adapters.bank,
			clock: adapters.clock,
		}),
		study: createStudyUseCases({
			store: adapters.studyStore,
			bank: adapters.bank,
			reminderQueue: adapters.reminderQueue,
			reminderSender: adapters.reminderSender,
			clock: adapters.clock,
		}),
	};
}
