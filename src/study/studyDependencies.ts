import type { QuestionBank } from '../quiz/questionBank.js';
import type { ReminderQueue } from './reminderQueue.js';
import type { ReminderSender } from './reminderSender.js';
import type { StudyStore } from './studyStore.js';

/** Everything the study use cases work with; each takes only the part it needs. */
export interface StudyDependencies {
	readonly store: StudyStore;
	readonly bank: QuestionBank;
	readonly reminderQueue: ReminderQueue;
	readonly reminderSender: ReminderSender;
	/** The current time; tests set it, so a month of reviews needs no waiting. */
	readonly clock: () => Date;
}
