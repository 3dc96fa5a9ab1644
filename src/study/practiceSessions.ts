import { judgeChoices } from '../quiz/choices.js';
import { EXAM_DOMAINS, type ExamDomain, type Question } from '../quiz/questionBank.js';
import { seededPermutation } from '../quiz/seededRandom.js';
import { addDays, localDate, zonedInstant } from '../time/zonedTime.js';
import { isDue, reviewCard } from './cards.js';
import { planPractice, planReview } from './planPractice.js';
import type { StudyDependencies } from './studyDependencies.js';
import type { PlanningCard, PracticeAnswer, PracticeSession } from './studyStore.js';

export const MIN_PRACTICE_QUESTIONS = 1;
export const MAX_PRACTICE_QUESTIONS = 20;
export const DEFAULT_PRACTICE_QUESTIONS = 10;
/** A review session takes at most this many due cards; `/review start` again takes the next ones. */
export const REVIEW_SESSION_CARDS = 20;

/** A question of a session as it is on screen. */
export interface SessionQuestion {
	readonly session: PracticeSession;
	readonly position: number;
	readonly count: number;
	readonly question: Question;
	/** `order[shown]` is the option's index in the bank. */
	readonly order: readonly number[];
}

/** The options' order for a session's question: fixed by the session and position, so a re-render shows the same. */
export function sessionOrder(sessionId: number, position: number, question: Question): number[] {
	return seededPermutation(question.options.length, `session:${String(sessionId)}:${String(position)}`);
}

function questionAt(
	deps: Pick<StudyDependencies, 'bank'>,
	session: PracticeSession,
	position: number,
): SessionQuestion | undefined {
	const id = session.questionIds[position];
	const question = id === undefined ? undefined : deps.bank.get(id);
	return question
		? {
				session,
				position,
				count: session.questionIds.length,
				question,
				order: sessionOrder(session.id, position, question),
			}
		: undefined;
}

export interface PracticeInput {
	readonly userId: string;
	/** The server it is started in; none in DMs. */
	readonly guildId: string | null;
	readonly topic?: string | undefined;
	readonly domain?: string | undefined;
	readonly count?: number | undefined;
}

export type StartPracticeOutcome =
	| { readonly status: 'started'; readonly current: SessionQuestion }
	| { readonly status: 'invalid'; readonly problem: string }
	| { readonly status: 'no-questions'; readonly problem: string };

function isDomain(value: string): value is ExamDomain {
	return EXAM_DOMAINS.some((domain) => domain === value);
}

/** `/practice`: plans a private session of `count` questions and shows the first. */
export async function startPractice(deps: StudyDependencies, input: PracticeInput): Promise<StartPracticeOutcome> {
	const count = input.count ?? DEFAULT_PRACTICE_QUESTIONS;
	if (!Number.isInteger(count) || count < MIN_PRACTICE_QUESTIONS || count > MAX_PRACTICE_QUESTIONS) {
		return {
			status: 'invalid',
			problem: `A session has ${MIN_PRACTICE_QUESTIONS} to ${MAX_PRACTICE_QUESTIONS} questions; ${String(count)} is not possible.`,
		};
	}
	const topic = input.topic?.trim() === '' ? undefined : input.topic?.trim();
	const matchedTopic =
		topic === undefined ? undefined : deps.bank.topics.find((known) => known.toLowerCase() === topic.toLowerCase());
	if (topic !== undefined && matchedTopic === undefined) {
		return { status: 'invalid', problem: `There is no topic “${topic}”. Pick one of the topics offered as you type.` };
	}
	if (input.domain !== undefined && !isDomain(input.domain)) {
		return { status: 'invalid', problem: `There is no exam domain “${input.domain}”.` };
	}
	const now = deps.clock();
	const [cards, exclude] = await Promise.all([
		deps.store.planningCards(input.userId),
		input.guildId === null ? Promise.resolve([]) : deps.store.openDailyQuestions(input.guildId, now),
	]);
	const planned = planPractice(deps.bank.questions, cards, {
		count,
		topic: matchedTopic,
		domain: input.domain,
		exclude,
		seed: `${input.userId}:${now.toISOString()}`,
		now,
	});
	if (planned.length === 0) {
		return {
			status: 'no-questions',
			problem: 'No question matches that topic and domain (leeches and today’s open daily question are left out).',
		};
	}
	const session = await deps.store.createSession({
		userId: input.userId,
		kind: 'practice',
		guildId: input.guildId,
		topic: matchedTopic ?? null,
		domain: input.domain ?? null,
		questionIds: planned.map((question) => question.id),
		startedAt: now,
	});
	const current = questionAt(deps, session, 0);
	return current ? { status: 'started', current } : { status: 'no-questions', problem: 'The question bank changed.' };
}

/** Cards due now, and those that come due later in the member's day. */
export interface DueCounts {
	readonly dueNow: number;
	readonly dueLaterToday: number;
	/** When the next card is due, if none is due now. */
	readonly nextDue: Date | undefined;
	readonly timeZone: string;
}

/** The zone "today" is counted in when the member has told us none. */
export const DEFAULT_STUDY_TIME_ZONE = 'UTC';

export function countDue(cards: readonly PlanningCard[], now: Date, timeZone: string): DueCounts {
	const endOfDay = zonedInstant(addDays(localDate(now, timeZone), 1), { hour: 0, minute: 0 }, timeZone);
	const active = cards.filter((card) => card.suspendedAt === null && card.reps > 0);
	const later = active.filter((card) => !isDue(card, now));
	const next = later.reduce<Date | undefined>(
		(soonest, card) => (soonest && soonest <= card.due ? soonest : card.due),
		undefined,
	);
	return {
		dueNow: active.filter((card) => isDue(card, now)).length,
		dueLaterToday: later.filter((card) => card.due.getTime() < endOfDay.getTime()).length,
		nextDue: next,
		timeZone,
	};
}

export type StartReviewOutcome =
	| { readonly status: 'started'; readonly current: SessionQuestion; readonly due: DueCounts }
	| { readonly status: 'nothing-due'; readonly due: DueCounts };

/** `/review start`: a session of the member's due cards, most overdue first. */
export async function startReview(
	deps: StudyDependencies,
	input: Pick<PracticeInput, 'userId' | 'guildId'>,
): Promise<StartReviewOutcome> {
	const now = deps.clock();
	const [cards, exclude, timeZone] = await Promise.all([
		deps.store.planningCards(input.userId),
		input.guildId === null ? Promise.resolve([]) : deps.store.openDailyQuestions(input.guildId, now),
		deps.store.timeZoneOf(input.userId, input.guildId),
	]);
	const due = countDue(cards, now, timeZone ?? DEFAULT_STUDY_TIME_ZONE);
	const planned = planReview(deps.bank.questions, cards, { count: REVIEW_SESSION_CARDS, exclude, now });
	if (planned.length === 0) {
		return { status: 'nothing-due', due };
	}
	const session = await deps.store.createSession({
		userId: input.userId,
		kind: 'review',
		guildId: input.guildId,
		topic: null,
		domain: null,
		questionIds: planned.map((question) => question.id),
		startedAt: now,
	});
	const current = questionAt(deps, session, 0);
	return current ? { status: 'started', current, due } : { status: 'nothing-due', due };
}

export interface SessionAnswerInput {
	readonly sessionId: number;
	readonly userId: string;
	readonly position: number;
	/** The picked options by their positions as shown. */
	readonly shown: readonly number[];
}

/** The feedback after an answer: right or wrong, what was picked, and whether the card became a leech. */
export interface SessionFeedback extends SessionQuestion {
	readonly correct: boolean;
	readonly picked: readonly number[];
	readonly becameLeech: boolean;
}

export type SessionAnswerOutcome =
	| { readonly status: 'answered'; readonly feedback: SessionFeedback }
	/** Answered before (a second click): the first answer's feedback again. */
	| { readonly status: 'already-answered'; readonly feedback: SessionFeedback }
	/** The session has moved on from that question: show where it is. */
	| { readonly status: 'moved-on'; readonly current: SessionQuestion | undefined }
	| { readonly status: 'invalid-choice' }
	| { readonly status: 'not-yours' }
	| { readonly status: 'unknown' };

type Found =
	| { readonly ok: true; readonly session: PracticeSession }
	| { readonly ok: false; readonly outcome: { readonly status: 'not-yours' } | { readonly status: 'unknown' } };

async function sessionOf(deps: Pick<StudyDependencies, 'store'>, sessionId: number, userId: string): Promise<Found> {
	const session = await deps.store.session(sessionId);
	if (!session) {
		return { ok: false, outcome: { status: 'unknown' } };
	}
	return session.userId === userId ? { ok: true, session } : { ok: false, outcome: { status: 'not-yours' } };
}

function feedbackOf(shown: SessionQuestion, answer: PracticeAnswer, becameLeech: boolean): SessionFeedback {
	return { ...shown, order: answer.optionOrder, correct: answer.correct, picked: answer.choices, becameLeech };
}

/** A click on an option of a session's question: judged, stored with its review, answered with feedback. */
export async function answerInSession(
	deps: StudyDependencies,
	input: SessionAnswerInput,
): Promise<SessionAnswerOutcome> {
	const found = await sessionOf(deps, input.sessionId, input.userId);
	if (!found.ok) {
		return found.outcome;
	}
	const { session } = found;
	const shown = questionAt(deps, session, input.position);
	if (!shown) {
		return { status: 'unknown' };
	}
	if (input.position !== session.position || session.finishedAt !== null) {
		const earlier = (await deps.store.sessionAnswers(session.id)).find((answer) => answer.position === input.position);
		return earlier
			? { status: 'already-answered', feedback: feedbackOf(shown, earlier, false) }
			: { status: 'moved-on', current: questionAt(deps, session, session.position) };
	}
	const judged = judgeChoices(shown.question, shown.order, input.shown);
	if (judged.kind === 'invalid-choice') {
		return { status: 'invalid-choice' };
	}
	const now = deps.clock();
	const answer: PracticeAnswer = {
		position: input.position,
		questionId: shown.question.id,
		optionOrder: shown.order,
		choices: judged.shown,
		correct: judged.correct,
		responseMs: Math.max(0, now.getTime() - session.shownAt.getTime()),
		answeredAt: now,
	};
	let becameLeech = false;
	const recorded = await deps.store.recordSessionAnswer(
		session.id,
		answer,
		{
			userId: session.userId,
			questionId: shown.question.id,
			correct: judged.correct,
			answeredAt: now,
			source: session.kind,
			sourceRef: `session:${String(session.id)}:${String(input.position)}`,
			guildId: session.guildId,
			responseMs: answer.responseMs,
		},
		(previous) => {
			const reviewed = reviewCard(previous, shown.question.id, judged.correct, now);
			becameLeech = reviewed.review.becameLeech;
			return reviewed;
		},
	);
	if (recorded === 'duplicate') {
		const first = (await deps.store.sessionAnswers(session.id)).find((stored) => stored.position === input.position);
		return first ? { status: 'already-answered', feedback: feedbackOf(shown, first, false) } : { status: 'unknown' };
	}
	return { status: 'answered', feedback: feedbackOf(shown, answer, becameLeech) };
}

export interface TopicResult {
	readonly topic: string;
	readonly answered: number;
	readonly correct: number;
}

/** The end of a session. */
export interface SessionSummary {
	readonly session: PracticeSession;
	readonly answered: number;
	readonly correct: number;
	readonly durationMs: number;
	readonly byTopic: readonly TopicResult[];
	/** The questions missed, to re-read. */
	readonly missed: readonly Question[];
	readonly due: DueCounts;
}

export type NextQuestionOutcome =
	| { readonly status: 'question'; readonly current: SessionQuestion }
	| { readonly status: 'summary'; readonly summary: SessionSummary }
	| { readonly status: 'not-answered'; readonly current: SessionQuestion }
	| { readonly status: 'not-yours' }
	| { readonly status: 'unknown' };

async function summarise(deps: StudyDependencies, session: PracticeSession): Promise<SessionSummary> {
	const now = deps.clock();
	const [answers, cards, timeZone] = await Promise.all([
		deps.store.sessionAnswers(session.id),
		deps.store.planningCards(session.userId),
		deps.store.timeZoneOf(session.userId, session.guildId),
	]);
	const byTopic = new Map<string, { answered: number; correct: number }>();
	const missed: Question[] = [];
	for (const answer of answers) {
		const question = deps.bank.get(answer.questionId);
		if (!question) {
			continue;
		}
		const totals = byTopic.get(question.topic) ?? { answered: 0, correct: 0 };
		byTopic.set(question.topic, { answered: totals.answered + 1, correct: totals.correct + (answer.correct ? 1 : 0) });
		if (!answer.correct) {
			missed.push(question);
		}
	}
	const last = answers.at(-1)?.answeredAt ?? now;
	return {
		session,
		answered: answers.length,
		correct: answers.filter((answer) => answer.correct).length,
		durationMs: Math.max(0, last.getTime() - session.startedAt.getTime()),
		byTopic: [...byTopic].map(([topic, totals]) => ({ topic, ...totals })),
		missed,
		due: countDue(cards, now, timeZone ?? DEFAULT_STUDY_TIME_ZONE),
	};
}

/** Next, after a question's feedback: the next question, or the session's summary after the last. */
export async function nextInSession(
	deps: StudyDependencies,
	input: Pick<SessionAnswerInput, 'sessionId' | 'userId' | 'position'>,
): Promise<NextQuestionOutcome> {
	const found = await sessionOf(deps, input.sessionId, input.userId);
	if (!found.ok) {
		return found.outcome;
	}
	let { session } = found;
	const target = input.position;
	if (session.position === target - 1) {
		const answered = (await deps.store.sessionAnswers(session.id)).some(
			(answer) => answer.position === session.position,
		);
		const current = questionAt(deps, session, session.position);
		if (!answered && current) {
			return { status: 'not-answered', current };
		}
		const now = deps.clock();
		const finishedAt = target >= session.questionIds.length ? now : null;
		// Moved on here, or by a click a moment earlier (then read where that one left it).
		session = (await deps.store.advanceSession(session.id, session.position, now, finishedAt))
			? { ...session, position: target, shownAt: now, finishedAt }
			: ((await deps.store.session(session.id)) ?? session);
	}
	if (session.position >= session.questionIds.length || session.finishedAt !== null) {
		return { status: 'summary', summary: await summarise(deps, session) };
	}
	const current = questionAt(deps, session, session.position);
	return current ? { status: 'question', current } : { status: 'unknown' };
}
