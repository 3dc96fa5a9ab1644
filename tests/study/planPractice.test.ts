import { describe, expect, it } from 'vitest';
import { EXAM_DOMAINS, type ExamDomain } from '../../src/quiz/questionBank.js';
import { reviewCard } from '../../src/study/cards.js';
import { planPractice, planReview, type PlannableQuestion } from '../../src/study/planPractice.js';
import type { PlanningCard } from '../../src/study/studyStore.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const HOUR = 60 * 60 * 1000;

const question = (id: string, domain: ExamDomain = 'secure', topic = `topic-${domain}`): PlannableQuestion => ({
	id,
	topic,
	domain,
});

/** A card answered right once, due at `due`. */
function card(questionId: string, due: Date, extra: Partial<PlanningCard> = {}): PlanningCard {
	const { reps, suspendedAt } = reviewCard(undefined, questionId, true, new Date(due.getTime() - HOUR)).card;
	return { questionId, due, reps, suspendedAt, answers: 1, correct: 1, ...extra };
}

const request = { count: 10, exclude: [], seed: 'seed', now: NOW };

describe('planPractice', () => {
	const bank = Array.from({ length: 40 }, (_, index) =>
		question(`q${String(index).padStart(2, '0')}`, EXAM_DOMAINS[index % 4]),
	);

	it('asks due reviews first (most overdue first), then unseen questions, then seen ones, never one twice', () => {
		const cards = [
			card('q03', new Date(NOW.getTime() - HOUR)),
			card('q07', new Date(NOW.getTime() - 5 * HOUR)),
			...bank.slice(10).map((entry, index) => card(entry.id, new Date(NOW.getTime() + (index + 1) * HOUR))),
		];
		const plan = planPractice(bank, cards, { ...request, count: 40 }).map((entry) => entry.id);
		expect(plan.slice(0, 2)).toEqual(['q07', 'q03']);
		const unseen = bank
			.slice(0, 10)
			.map((entry) => entry.id)
			.filter((id) => id !== 'q03' && id !== 'q07');
		expect(plan.slice(2, 10).sort()).toEqual(unseen);
		expect(plan.slice(10, 13)).toEqual(['q10', 'q11', 'q12']);
		expect(new Set(plan).size).toBe(plan.length);
		expect(plan).toHaveLength(40);
	});

	it('leaves out the open daily question, suspended leeches, and other topics or domains when asked for one', () => {
		const cards = [card('q01', new Date(NOW.getTime() - HOUR), { suspendedAt: NOW })];
		const plan = planPractice(bank, cards, { ...request, count: 40, exclude: ['q00'] }).map((entry) => entry.id);
		expect(plan).not.toContain('q00');
		expect(plan).not.toContain('q01');
		const cost = planPractice(bank, [], { ...request, domain: 'cost' });
		expect(cost.every((entry) => entry.domain === 'cost')).toBe(true);
		expect(cost).toHaveLength(10);
		const topic = planPractice(bank, [], { ...request, topic: 'topic-resilient', count: 20 });
		expect(topic.every((entry) => entry.topic === 'topic-resilient')).toBe(true);
	});

	it('draws unseen questions from the member’s weakest domain more often, without leaving the others out', () => {
		const seenBefore = bank.slice(0, 8);
		const cards = seenBefore.map((entry) =>
			card(entry.id, new Date(NOW.getTime() + 100 * HOUR), { answers: 5, correct: entry.domain === 'cost' ? 0 : 5 }),
		);
		const picked = new Map<ExamDomain, number>();
		for (let draw = 0; draw < 200; draw += 1) {
			for (const entry of planPractice(bank, cards, { ...request, seed: `draw-${String(draw)}` })) {
				picked.set(entry.domain, (picked.get(entry.domain) ?? 0) + 1);
			}
		}
		const cost = picked.get('cost') ?? 0;
		for (const domain of ['secure', 'resilient', 'performing'] as const) {
			expect(cost).toBeGreaterThan(1.3 * (picked.get(domain) ?? 0));
			expect(picked.get(domain) ?? 0).toBeGreaterThan(200);
		}
	});

	it('plans the same session for the same seed', () => {
		expect(planPractice(bank, [], request)).toEqual(planPractice(bank, [], request));
		expect(planPractice(bank, [], request)).not.toEqual(planPractice(bank, [], { ...request, seed: 'other' }));
	});
});

describe('planReview', () => {
	it('takes only due cards, most overdue first, not suspended, not the open daily question, at most count', () => {
		const bank = ['a', 'b', 'c', 'd', 'e'].map((id) => question(id));
		const cards = [
			card('a', new Date(NOW.getTime() - HOUR)),
			card('b', new Date(NOW.getTime() - 3 * HOUR)),
			card('c', new Date(NOW.getTime() + HOUR)),
			card('d', new Date(NOW.getTime() - 2 * HOUR), { suspendedAt: NOW }),
			card('e', new Date(NOW.getTime() - 4 * HOUR)),
		];
		expect(planReview(bank, cards, { count: 10, exclude: ['e'], now: NOW }).map((entry) => entry.id)).toEqual([
			'b',
			'a',
		]);
		expect(planReview(bank, cards, { count: 1, exclude: [], now: NOW }).map((entry) => entry.id)).toEqual(['e']);
	});
});
