import { describe, expect, it } from 'vitest';
import { pickQuestion } from '../../src/quiz/pickQuestion.js';
import { MAX_EARLY_BONUS, POINTS_FOR_CORRECT, pointsFor } from '../../src/quiz/scoring.js';
import { judgeAnswer } from '../../src/quiz/rounds.js';
import { seededPermutation } from '../../src/quiz/seededRandom.js';
import { testQuestion } from '../support/questions.js';

describe('pointsFor', () => {
	const postedAt = new Date('2026-03-10T08:00:00Z');
	const closesAt = new Date('2026-03-10T10:00:00Z');
	const at = (minutes: number) => ({ postedAt, closesAt, answeredAt: new Date(postedAt.getTime() + minutes * 60_000) });

	it('gives nothing for a wrong answer', () => {
		expect(pointsFor(false, at(0))).toBe(0);
	});

	it('gives 10 plus an early bonus falling to nothing at the end of the window', () => {
		expect(pointsFor(true, at(0))).toBe(POINTS_FOR_CORRECT + MAX_EARLY_BONUS);
		expect(pointsFor(true, at(60))).toBe(POINTS_FOR_CORRECT + 3);
		expect(pointsFor(true, at(120))).toBe(POINTS_FOR_CORRECT);
		expect(pointsFor(true, at(500))).toBe(POINTS_FOR_CORRECT);
	});
});

describe('seededPermutation', () => {
	it('is a permutation, the same for the same seed', () => {
		const order = seededPermutation(5, 'guild:2026-03-10');
		expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
		expect(seededPermutation(5, 'guild:2026-03-10')).toEqual(order);
	});

	it('moves the correct option around across days', () => {
		const firsts = new Set(Array.from({ length: 40 }, (_, day) => seededPermutation(4, `g:${day}`)[0]));
		expect(firsts.size).toBe(4);
	});
});

describe('pickQuestion', () => {
	const bank = [
		{ id: 'a1', topic: 'A' },
		{ id: 'a2', topic: 'A' },
		{ id: 'a3', topic: 'A' },
		{ id: 'b1', topic: 'B' },
		{ id: 'c1', topic: 'C' },
	];

	it('is the same for the same guild, date and history', () => {
		expect(pickQuestion(bank, ['a1'], 'g', '2026-03-10')).toEqual(pickQuestion(bank, ['a1'], 'g', '2026-03-10'));
	});

	it('never repeats a question until the whole bank has been used', () => {
		const history: string[] = [];
		for (let day = 0; day < bank.length; day += 1) {
			const next = pickQuestion(bank, history, 'guild', `2026-01-${String(day + 1).padStart(2, '0')}`);
			expect(next && history.includes(next.id)).toBe(false);
			history.push(next?.id ?? '');
		}
		expect([...history].sort()).toEqual(bank.map((question) => question.id).sort());
		const sixth = pickQuestion(bank, history, 'guild', '2026-01-06');
		expect(sixth).toBeDefined();
	});

	it('asks the topic asked least recently first', () => {
		expect(pickQuestion(bank, ['a1', 'b1'], 'g', '2026-03-10')?.topic).toBe('C');
		expect(pickQuestion(bank, ['c1', 'a1', 'b1'], 'g', '2026-03-10')?.topic).toBe('A');
	});

	it('has nothing to pick from an empty bank', () => {
		expect(pickQuestion<{ id: string; topic: string }>([], [], 'g', '2026-03-10')).toBeUndefined();
	});
});

describe('judgeAnswer', () => {
	const postedAt = new Date('2026-03-10T08:00:00Z');
	const round = {
		id: 1,
		guildId: '1',
		localDate: '2026-03-10',
		questionId: 'q',
		topic: 'VPC',
		// Shown A is the bank's option 2, B is option 0 (the right one), C is option 1.
		optionOrder: [2, 0, 1],
		channelId: '2',
		messageId: '3',
		postClaimedAt: postedAt,
		postAttempts: 1,
		postedAt,
		closesAt: new Date('2026-03-11T08:00:00Z'),
		closedAt: null,
		lastFailure: undefined,
	};
	const question = testQuestion('q', 'VPC');

	it('maps the shown button to the bank’s option and scores it', () => {
		expect(judgeAnswer(round, question, [1], postedAt)).toEqual({
			kind: 'accept',
			optionIndices: [0],
			correct: true,
			points: 15,
		});
		expect(judgeAnswer(round, question, [0], postedAt)).toEqual({
			kind: 'accept',
			optionIndices: [2],
			correct: false,
			points: 0,
		});
	});

	it('refuses a button the round does not have', () => {
		expect(judgeAnswer(round, question, [3], postedAt)).toEqual({ kind: 'invalid-choice' });
	});

	it('scores a "Select TWO" answer all or nothing, and refuses the wrong number of picks', () => {
		const two = { ...round, optionOrder: [3, 0, 4, 1, 2] };
		const selectTwo = testQuestion('q2', 'VPC', ['a', 'b', 'c', 'd', 'e'], [0, 1]);
		// Shown B is option 0 and shown D is option 1: both right.
		expect(judgeAnswer(two, selectTwo, [3, 1], postedAt)).toMatchObject({
			kind: 'accept',
			optionIndices: [0, 1],
			correct: true,
		});
		expect(judgeAnswer(two, selectTwo, [1, 2], postedAt)).toMatchObject({ kind: 'accept', correct: false, points: 0 });
		expect(judgeAnswer(two, selectTwo, [1], postedAt)).toEqual({ kind: 'invalid-choice' });
		expect(judgeAnswer(two, selectTwo, [1, 1], postedAt)).toEqual({ kind: 'invalid-choice' });
		expect(judgeAnswer(two, selectTwo, [1, 3, 4], postedAt)).toEqual({ kind: 'invalid-choice' });
		expect(judgeAnswer(two, selectTwo, [1, 9], postedAt)).toEqual({ kind: 'invalid-choice' });
	});

	it('refuses at the end of the window and after the close, whichever comes first', () => {
		expect(judgeAnswer(round, question, [1], round.closesAt)).toEqual({ kind: 'closed' });
		expect(judgeAnswer({ ...round, closedAt: postedAt }, question, [1], postedAt)).toEqual({ kind: 'closed' });
	});
});
