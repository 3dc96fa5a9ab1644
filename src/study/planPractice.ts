import type { ExamDomain } from '../quiz/questionBank.js';
import { seededFraction } from '../quiz/seededRandom.js';
import { isDue } from './cards.js';
import type { PlanningCard } from './studyStore.js';

/** What the planner needs of a question. */
export interface PlannableQuestion {
	readonly id: string;
	readonly topic: string;
	readonly domain: ExamDomain;
}

export interface PracticeRequest {
	readonly count: number;
	readonly topic?: string | undefined;
	readonly domain?: ExamDomain | undefined;
	/** Never asked: the open daily question of the server the session is in. */
	readonly exclude: readonly string[];
	/** Makes the draw among unseen questions repeatable. */
	readonly seed: string;
	readonly now: Date;
}

/** How sure we are of a member's accuracy: each share starts from one right and one wrong answer. */
function accuracy(answers: number, correct: number): number {
	return (correct + 1) / (answers + 2);
}

/** Accuracy by domain and by topic, from every answer the member has given. */
function weaknesses<Q extends PlannableQuestion>(
	questions: ReadonlyMap<string, Q>,
	records: readonly PlanningCard[],
): (question: Q) => number {
	const byDomain = new Map<string, { answers: number; correct: number }>();
	const byTopic = new Map<string, { answers: number; correct: number }>();
	for (const record of records) {
		const question = questions.get(record.questionId);
		if (!question) {
			continue;
		}
		for (const [map, key] of [
			[byDomain, question.domain],
			[byTopic, question.topic],
		] as const) {
			const totals = map.get(key) ?? { answers: 0, correct: 0 };
			map.set(key, { answers: totals.answers + record.answers, correct: totals.correct + record.correct });
		}
	}
	const weakness = (totals: { answers: number; correct: number } | undefined): number =>
		1 - accuracy(totals?.answers ?? 0, totals?.correct ?? 0);
	return (question) => weakness(byDomain.get(question.domain)) + weakness(byTopic.get(question.topic));
}

/**
 * The questions of a practice session, in order. First the member's due reviews, most overdue
 * first; then questions they have never seen, drawn at random but weighted towards their
 * weakest domain and topic (a weighted draw without replacement, so a weak area comes up more
 * often without crowding the rest out); then, if that is not enough, questions seen before,
 * those due soonest first. Never a question twice, never a suspended leech, never one of
 * `exclude` (the server's open daily question: no spoilers).
 */
export function planPractice<Q extends PlannableQuestion>(
	bank: readonly Q[],
	cards: readonly PlanningCard[],
	request: PracticeRequest,
): Q[] {
	const excluded = new Set(request.exclude);
	const cardOf = new Map(cards.map((card) => [card.questionId, card]));
	const eligible = bank.filter(
		(question) =>
			!excluded.has(question.id) &&
			(request.topic === undefined || question.topic === request.topic) &&
			(request.domain === undefined || question.domain === request.domain) &&
			(cardOf.get(question.id)?.suspendedAt ?? null) === null,
	);
	const dueTime = (question: Q): number => cardOf.get(question.id)?.due.getTime() ?? 0;
	const due = eligible
		.filter((question) => {
			const card = cardOf.get(question.id);
			return card !== undefined && isDue(card, request.now);
		})
		.sort((left, right) => dueTime(left) - dueTime(right) || left.id.localeCompare(right.id));
	const weakness = weaknesses(new Map(bank.map((question) => [question.id, question])), cards);
	// Efraimidis–Spirakis: the largest u^(1/w) wins, a draw without replacement weighted by w.
	const key = (question: Q): number =>
		seededFraction(`${request.seed}:${question.id}`) ** (1 / (1 + 2 * weakness(question)));
	const unseen = eligible
		.filter((question) => !cardOf.has(question.id))
		.map((question) => ({ question, key: key(question) }))
		.sort((left, right) => right.key - left.key)
		.map((entry) => entry.question);
	const seen = eligible
		.filter((question) => {
			const card = cardOf.get(question.id);
			return card !== undefined && !isDue(card, request.now);
		})
		.sort((left, right) => dueTime(left) - dueTime(right) || left.id.localeCompare(right.id));
	return [...due, ...unseen, ...seen].slice(0, request.count);
}

/** The due reviews of a review session: most overdue first, at most `count`. */
export function planReview<Q extends PlannableQuestion>(
	bank: readonly Q[],
	cards: readonly PlanningCard[],
	request: Pick<PracticeRequest, 'count' | 'exclude' | 'now'>,
): Q[] {
	const excluded = new Set(request.exclude);
	const byId = new Map(bank.map((question) => [question.id, question]));
	return cards
		.filter((card) => isDue(card, request.now) && !excluded.has(card.questionId))
		.sort((left, right) => left.due.getTime() - right.due.getTime() || left.questionId.localeCompare(right.questionId))
		.flatMap((card) => byId.get(card.questionId) ?? [])
		.slice(0, request.count);
}
