import { listLeeches, unsuspendLeech } from './leeches.js';
import {
	answerInSession,
	nextInSession,
	startPractice,
	startReview,
	type PracticeInput,
	type SessionAnswerInput,
} from './practiceSessions.js';
import { forgetMember, privacyFootprint } from './privacy.js';
import { sendReminder, setReminder, stopReminder, sweepReminders } from './reminders.js';
import { reviewDailyAnswers } from './reviewDailyAnswers.js';
import type { StudyDependencies } from './studyDependencies.js';
import { getStudyProgress } from './studyProgress.js';

/** Personal practice and spaced review, with their dependencies bound: what the transports call. */
export function createStudyUseCases(deps: StudyDependencies) {
	return {
		startPractice: (input: PracticeInput) => startPractice(deps, input),
		/** The bank's topics, for `/practice topic:`. */
		topics: () => deps.bank.topics,
		startReview: (input: Pick<PracticeInput, 'userId' | 'guildId'>) => startReview(deps, input),
		answer: (input: SessionAnswerInput) => answerInSession(deps, input),
		next: (input: Pick<SessionAnswerInput, 'sessionId' | 'userId' | 'position'>) => nextInSession(deps, input),
		leeches: (userId: string) => listLeeches(deps, userId),
		unsuspend: (userId: string, questionId: string) => unsuspendLeech(deps, userId, questionId),
		setReminder: (input: Parameters<typeof setReminder>[1]) => setReminder(deps, input),
		stopReminder: (userId: string) => stopReminder(deps, userId),
		sweepReminders: () => sweepReminders(deps),
		sendReminder: (request: Parameters<typeof sendReminder>[1]) => sendReminder(deps, request),
		reviewDailyAnswers: (roundId: number) => reviewDailyAnswers(deps, roundId),
		progress: (input: Parameters<typeof getStudyProgress>[1]) => getStudyProgress(deps, input),
		footprint: (userId: string) => privacyFootprint(deps, userId),
		forget: (userId: string) => forgetMember(deps, userId),
	};
}

export type StudyUseCases = ReturnType<typeof createStudyUseCases>;
