import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { isDue, LEECH_LAPSES, newCard, reviewCard, unsuspend, type StudyCard } from '../../src/study/cards.js';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-03-01T08:00:00Z');

/** A member's first 30 days with one question: the day and hour of each answer, and whether it was right. */
export const THIRTY_DAYS: readonly { readonly day: number; readonly hour: number; readonly correct: boolean }[] = [
	{ day: 0, hour: 8, correct: false },
	{ day: 0, hour: 9, correct: true },
	{ day: 1, hour: 7, correct: true },
	{ day: 3, hour: 20, correct: true },
	{ day: 6, hour: 12, correct: false },
	{ day: 6, hour: 13, correct: true },
	{ day: 8, hour: 9, correct: true },
	{ day: 14, hour: 18, correct: true },
	{ day: 21, hour: 8, correct: false },
	{ day: 22, hour: 8, correct: true },
	{ day: 29, hour: 22, correct: true },
];

export function answerTime(entry: { readonly day: number; readonly hour: number }): Date {
	return new Date(START.getTime() + entry.day * DAY + (entry.hour - 8) * 60 * 60 * 1000);
}

/** The same history scheduled by ts-fsrs directly: FSRS-6 defaults, no fuzz, Again for wrong, Good for right. */
export function dueDatesFromTsFsrs(history: typeof THIRTY_DAYS): Date[] {
	const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));
	let card: Card = createEmptyCard(answerTime(history[0] ?? { day: 0, hour: 8 }));
	return history.map((entry) => {
		card = scheduler.next(card, answerTime(entry), entry.correct ? Rating.Good : Rating.Again).card;
		return card.due;
	});
}

describe('reviewCard', () => {
	it('schedules a 30-day history exactly as ts-fsrs does (wrong is Again, right is Good, no fuzz)', () => {
		let card: StudyCard | undefined;
		const ours = THIRTY_DAYS.map((entry) => {
			card = reviewCard(card, 'q', entry.correct, answerTime(entry)).card;
			return card.due;
		});
		expect(ours).toEqual(dueDatesFromTsFsrs(THIRTY_DAYS));
		// Spaced: after the last right answer the card is not asked again for days.
		expect(card?.state).toBe('review');
		expect(
			(ours.at(-1)?.getTime() ?? 0) - answerTime(THIRTY_DAYS.at(-1) ?? { day: 0, hour: 0 }).getTime(),
		).toBeGreaterThan(3 * DAY);
	});

	it('logs what a review changed: rating, states, due, stability, difficulty and the days since the last one', () => {
		const first = reviewCard(undefined, 'q', true, START);
		expect(first.review).toMatchObject({
			correct: true,
			rating: 'good',
			stateBefore: 'new',
			dueBefore: null,
			stabilityBefore: null,
			elapsedDays: 0,
		});
		const later = new Date(START.getTime() + 2 * DAY);
		const second = reviewCard(first.card, 'q', false, later);
		expect(second.review).toMatchObject({
			correct: false,
			rating: 'again',
			stateBefore: first.card.state,
			dueBefore: first.card.due,
			stabilityBefore: first.card.stability,
			difficultyBefore: first.card.difficulty,
			elapsedDays: 2,
			reviewedAt: later,
		});
		expect(second.review.dueAfter).toEqual(second.card.due);
		expect(second.card.difficulty).toBeGreaterThan(first.card.difficulty);
	});

	it('makes a card a suspended leech at its eighth lapse, and again every four lapses once put back', () => {
		let card: StudyCard = reviewCard(undefined, 'q', true, START).card;
		let now = START;
		const leechAtLapse: number[] = [];
		while (card.lapses < LEECH_LAPSES + 4) {
			// Right until it is in review, then wrong: each wrong answer in review is a lapse.
			now = new Date(Math.max(card.due.getTime(), now.getTime() + 60_000));
			const reviewed = reviewCard(card, 'q', card.state !== 'review', now);
			card = reviewed.card;
			if (reviewed.review.becameLeech) {
				leechAtLapse.push(card.lapses);
				expect(card.suspendedAt).toEqual(now);
				expect(isDue(card, new Date(now.getTime() + 365 * DAY))).toBe(false);
				card = unsuspend(card, now);
				expect(isDue(card, now)).toBe(true);
			}
		}
		expect(leechAtLapse).toEqual([8, 12]);
	});
});

describe('isDue', () => {
	it('is false for a card never reviewed and for a suspended one, true once its due time has come', () => {
		expect(isDue(newCard('q', START), START)).toBe(false);
		const { card } = reviewCard(undefined, 'q', false, START);
		expect(isDue(card, START)).toBe(false);
		expect(isDue(card, card.due)).toBe(true);
		expect(isDue({ ...card, suspendedAt: START }, card.due)).toBe(false);
	});
});
