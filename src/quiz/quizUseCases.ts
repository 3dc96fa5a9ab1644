import { answerQuestion, type AnswerInput } from './answerQuestion.js';
import { changeQuizStatus } from './changeQuizStatus.js';
import { closeRound } from './closeRound.js';
import { getQuizOverview } from './getQuizOverview.js';
import { keepSchedules } from './keepSchedules.js';
import { postDueRound, type DuePostRequest } from './postDueRound.js';
import { postQuizNow } from './postQuizNow.js';
import type { QuizDependencies } from './quizDependencies.js';
import { retryBlockedPost } from './retryBlockedPost.js';
import type { QuizStatus } from './settings.js';
import { setUpQuiz, type SetUpQuizInput } from './setUpQuiz.js';
import { setWeeklyRecap, type SetWeeklyRecapInput } from './setWeeklyRecap.js';

/** The quiz's use cases with their dependencies bound: what the transports call. */
export function createQuizUseCases(deps: QuizDependencies) {
	return {
		setUp: (input: SetUpQuizInput) => setUpQuiz(deps, input),
		changeStatus: (guildId: string, to: QuizStatus) => changeQuizStatus(deps, guildId, to),
		setWeeklyRecap: (input: SetWeeklyRecapInput) => setWeeklyRecap(deps, input),
		postNow: (request: Parameters<typeof postQuizNow>[1]) => postQuizNow(deps, request),
		retryBlockedPost: (change: Parameters<typeof retryBlockedPost>[1]) => retryBlockedPost(deps, change),
		overview: (guildId: string) => getQuizOverview(deps, guildId),
		answer: (input: AnswerInput) => answerQuestion(deps, input),
		postDueRound: (request: DuePostRequest) => postDueRound(deps, request),
		closeRound: (roundId: number) => closeRound(deps, roundId),
		keepSchedules: () => keepSchedules(deps),
	};
}

export type QuizUseCases = ReturnType<typeof createQuizUseCases>;
