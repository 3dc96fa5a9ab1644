import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudyJob } from '../../src/jobs/studyQueue.js';
import { LEECH_LAPSES } from '../../src/study/cards.js';
import type { SessionQuestion } from '../../src/study/practiceSessions.js';
import { createQuizWorld, testQuestion, type QuizWorld } from '../support/quizWorld.js';
import { answerTime, dueDatesFromTsFsrs, THIRTY_DAYS } from './cards.test.js';

const GUILD = '210000000000000001';
const CHANNEL = '210000000000000002';
const ANA = '310000000000000001';
const BEN = '310000000000000002';
const CLEO = '310000000000000003';
const BANK = [
	testQuestion('q-replay', 'Replay'),
	...['VPC', 'S3', 'IAM'].flatMap((topic) =>
		[1, 2, 3].map((n) => testQuestion(`q-${topic.toLowerCase()}-${String(n)}`, topic)),
	),
];

/** The position as shown of a question's right option, or of a wrong one. */
function pick(current: SessionQuestion, right: boolean): number {
	const correct = current.question.correct[0] ?? 0;
	return current.order.findIndex((index) => (right ? index === correct : !current.question.correct.includes(index)));
}

/** The study use cases on a real Postgres store and a real BullMQ queue on Redis. */
describe('study use cases on Postgres and Redis', () => {
	let world: QuizWorld;

	beforeAll(async () => {
		world = await createQuizWorld(BANK);
	});

	afterAll(async () => {
		await world.close();
	});

	/** One practice question of `topic`, answered right or wrong, then Next. */
	async function practiseOnce(userId: string, topic: string, right: boolean) {
		const started = await world.study.startPractice({ userId, guildId: null, topic, count: 1 });
		if (started.status !== 'started') {
			throw new Error(`practice did not start: ${started.status}`);
		}
		const { current } = started;
		const answered = await world.study.answer({
			sessionId: current.session.id,
			userId,
			position: 0,
			shown: [pick(current, right)],
		});
		expect(answered.status).toBe('answered');
		return { current, answered, next: await world.study.next({ sessionId: current.session.id, userId, position: 1 }) };
	}

	it('replays a member’s 30 days of practice to the due dates ts-fsrs computes directly, and logs each review', async () => {
		for (const entry of THIRTY_DAYS) {
			world.now = answerTime(entry);
			await practiseOnce(CLEO, 'Replay', entry.correct);
		}
		const logs = await world.prisma.reviewLog.findMany({
			where: { userId: CLEO, questionId: 'q-replay' },
			orderBy: { reviewedAt: 'asc' },
		});
		expect(logs.map((log) => log.dueAfter)).toEqual(dueDatesFromTsFsrs(THIRTY_DAYS));
		expect(logs.map((log) => log.rating)).toEqual(THIRTY_DAYS.map((entry) => (entry.correct ? 3 : 1)));
		expect(logs.every((log) => log.source === 'practice')).toBe(true);
		const card = await world.studyStore.card(CLEO, 'q-replay');
		expect(card?.due).toEqual(dueDatesFromTsFsrs(THIRTY_DAYS).at(-1));
		expect(card?.reps).toBe(THIRTY_DAYS.length);
		expect((await world.studyStore.planningCards(CLEO)).find((entry) => entry.questionId === 'q-replay')).toMatchObject(
			{
				answers: THIRTY_DAYS.length,
				correct: THIRTY_DAYS.filter((entry) => entry.correct).length,
			},
		);
	});

	it('runs a practice session: feedback after each answer, a second click changes nothing, a summary at the end', async () => {
		world.now = new Date('2026-04-01T10:00:00Z');
		const started = await world.study.startPractice({ userId: ANA, guildId: null, count: 3 });
		expect(started.status).toBe('started');
		if (started.status !== 'started') {
			return;
		}
		const ids = started.current.session.questionIds;
		expect(new Set(ids).size).toBe(3);
		let current = started.current;
		for (const [position, right] of [true, false, true].entries()) {
			const answered = await world.study.answer({
				sessionId: current.session.id,
				userId: ANA,
				position,
				shown: [pick(current, right)],
			});
			expect(answered).toMatchObject({ status: 'answered', feedback: { correct: right } });
			const again = await world.study.answer({
				sessionId: current.session.id,
				userId: ANA,
				position,
				shown: [pick(current, !right)],
			});
			expect(again).toMatchObject({ status: 'already-answered', feedback: { correct: right } });
			world.now = new Date(world.now.getTime() + 30_000);
			const next = await world.study.next({ sessionId: current.session.id, userId: ANA, position: position + 1 });
			if (position < 2) {
				expect(next.status).toBe('question');
				current = next.status === 'question' ? next.current : current;
			} else {
				expect(next).toMatchObject({ status: 'summary', summary: { answered: 3, correct: 2, durationMs: 60_000 } });
			}
		}
		expect(await world.prisma.practiceAnswer.count({ where: { sessionId: current.session.id } })).toBe(3);
		expect(await world.prisma.reviewLog.count({ where: { userId: ANA } })).toBe(3);
		// Practice never counts on a server's leaderboard.
		expect(await world.prisma.memberStats.count()).toBe(0);
		expect(await world.prisma.quizAnswer.count()).toBe(0);
	});

	it('refuses another member’s session and a click for a question the session has not reached', async () => {
		const started = await world.study.startPractice({ userId: BEN, guildId: null, count: 2 });
		if (started.status !== 'started') {
			throw new Error('practice did not start');
		}
		const { session } = started.current;
		expect(await world.study.answer({ sessionId: session.id, userId: ANA, position: 0, shown: [0] })).toEqual({
			status: 'not-yours',
		});
		expect(await world.study.answer({ sessionId: session.id, userId: BEN, position: 1, shown: [0] })).toMatchObject({
			status: 'moved-on',
		});
		expect(await world.study.answer({ sessionId: session.id, userId: BEN, position: 0, shown: [7] })).toEqual({
			status: 'invalid-choice',
		});
		expect(await world.prisma.practiceAnswer.count({ where: { sessionId: session.id } })).toBe(0);
	});

	it.each([
		['a count of 0', { count: 0 }, /1 to 20/u],
		['a count of 21', { count: 21 }, /1 to 20/u],
		['an unknown topic', { topic: 'Quantum' }, /no topic “Quantum”/u],
		['an unknown domain', { domain: 'fun' }, /no exam domain “fun”/u],
	])('refuses %s with a clear message and starts nothing', async (_, input, problem) => {
		const before = await world.prisma.practiceSession.count();
		const outcome = await world.study.startPractice({ userId: ANA, guildId: null, ...input });
		expect(outcome.status).toBe('invalid');
		expect(outcome.status === 'invalid' && outcome.problem).toMatch(problem);
		expect(await world.prisma.practiceSession.count()).toBe(before);
	});

	it('reviews the daily quiz’s answers when the round closes, once, and keeps its question out of practice while open', async () => {
		await world.setUp({
			guildId: GUILD,
			channelId: CHANNEL,
			roleId: null,
			postTime: '09:00',
			timezone: 'UTC',
			answerWindowHours: 2,
			adminChannelId: null,
		});
		const round = await world.playRound(GUILD, new Date('2026-04-02T09:00:00Z'), { [BEN]: true });
		for (let draw = 0; draw < 5; draw += 1) {
			const practice = await world.study.startPractice({ userId: BEN, guildId: GUILD, count: 20 });
			expect(practice.status === 'started' && practice.current.session.questionIds).not.toContain(round.questionId);
		}
		expect(await world.studyStore.card(BEN, round.questionId)).toBeUndefined();
		world.now = new Date('2026-04-02T11:00:00Z');
		await world.quiz.closeRound(round.id);
		expect(await world.study.reviewDailyAnswers(round.id)).toEqual({ reviewed: 1 });
		expect(await world.study.reviewDailyAnswers(round.id)).toEqual({ reviewed: 0 });
		const log = await world.prisma.reviewLog.findFirstOrThrow({ where: { userId: BEN, source: 'daily' } });
		expect(log.reviewedAt).toEqual(new Date('2026-04-02T09:01:00Z'));
		expect(log.guildId).toBe(GUILD);
		expect((await world.studyStore.card(BEN, round.questionId))?.reps).toBe(1);
	});

	it('counts due cards, and starts a review of only the due ones once the clock moves on', async () => {
		world.now = new Date('2026-05-01T08:00:00Z');
		const early = await world.study.startReview({ userId: ANA, guildId: null });
		expect(early.status).toBe('started');
		const cards = await world.studyStore.cardsOf(ANA);
		const soonest = Math.min(...cards.map((card) => card.due.getTime()));
		world.now = new Date(soonest - 1_000);
		const none = await world.study.startReview({ userId: 'nobody-0000000001', guildId: null });
		expect(none).toMatchObject({ status: 'nothing-due', due: { dueNow: 0, dueLaterToday: 0 } });
		world.now = new Date(soonest);
		const review = await world.study.startReview({ userId: ANA, guildId: null });
		expect(review.status === 'started' && review.due.dueNow).toBe(
			cards.filter((card) => card.due.getTime() <= soonest).length,
		);
	});

	it('makes a card a leech at its eighth lapse, lists it, and puts it back on request', async () => {
		const userId = '310000000000000004';
		world.now = new Date('2026-06-01T08:00:00Z');
		let lapses = 0;
		while (lapses < LEECH_LAPSES) {
			const card = await world.studyStore.card(userId, 'q-replay');
			world.now = new Date(Math.max(card?.due.getTime() ?? 0, world.now.getTime() + 60_000));
			const { answered } = await practiseOnce(userId, 'Replay', card?.state !== 'review');
			lapses = (await world.studyStore.card(userId, 'q-replay'))?.lapses ?? 0;
			expect(answered.status === 'answered' && answered.feedback.becameLeech).toBe(lapses === LEECH_LAPSES);
		}
		const leeches = await world.study.leeches(userId);
		expect(leeches.map((leech) => leech.question.id)).toEqual(['q-replay']);
		expect(await world.study.startPractice({ userId, guildId: null, topic: 'Replay' })).toMatchObject({
			status: 'no-questions',
		});
		expect(await world.study.unsuspend(userId, 'q-replay')).toMatchObject({ status: 'unsuspended' });
		expect(await world.study.leeches(userId)).toEqual([]);
		expect(await world.study.startReview({ userId, guildId: null })).toMatchObject({ status: 'started' });
	});

	describe('review reminders', () => {
		const sendJobs = async () =>
			(await world.studyQueue.getJobs(['waiting', 'delayed', 'prioritized'])).filter(
				(job) => job.name === StudyJob.send,
			);

		it('refuses a bad time or time zone and stores nothing', async () => {
			expect(await world.study.setReminder({ userId: ANA, time: '25:61', timezone: 'UTC' })).toMatchObject({
				status: 'invalid-time',
			});
			expect(await world.study.setReminder({ userId: ANA, time: '08:00', timezone: 'Mars/Olympus' })).toMatchObject({
				status: 'invalid-time-zone',
			});
			expect(await world.prisma.reviewReminder.count()).toBe(0);
		});

		it('sends a DM once on a day with cards due, never twice, and none when nothing is due', async () => {
			world.now = new Date('2026-07-01T05:00:00Z');
			expect(await world.study.setReminder({ userId: ANA, time: '08:00', timezone: 'Europe/Berlin' })).toMatchObject({
				status: 'set',
				nextAt: new Date('2026-07-01T06:00:00Z'),
			});
			expect(await world.study.setReminder({ userId: BEN, time: '08:00', timezone: 'Europe/Berlin' })).toMatchObject({
				status: 'set',
			});
			expect(await world.study.sweepReminders()).toEqual({ queued: 0 });

			world.now = new Date('2026-07-01T06:00:30Z');
			expect(await world.study.sweepReminders()).toEqual({ queued: 2 });
			expect(await world.study.sweepReminders()).toEqual({ queued: 0 });
			const jobs = await sendJobs();
			expect(jobs.map((job) => job.data as unknown).sort()).toEqual(
				expect.arrayContaining([
					{ userId: ANA, localDate: '2026-07-01' },
					{ userId: BEN, localDate: '2026-07-01' },
				]),
			);
			const due = await world.studyStore.dueCount(ANA, world.now);
			expect(due).toBeGreaterThan(0);
			expect(await world.study.sendReminder({ userId: ANA, localDate: '2026-07-01' })).toEqual({ status: 'sent', due });
			expect(await world.study.sendReminder({ userId: ANA, localDate: '2026-07-01' })).toEqual({ status: 'skipped' });
			expect(world.announcer.reminders).toEqual([{ userId: ANA, dueCards: due }]);

			// Ben's cards are all done for now: no DM.
			const benCards = await world.studyStore.cardsOf(BEN);
			for (const card of benCards) {
				await world.studyStore.saveCard(BEN, { ...card, due: new Date('2026-08-01T00:00:00Z') });
			}
			expect(await world.study.sendReminder({ userId: BEN, localDate: '2026-07-01' })).toEqual({
				status: 'nothing-due',
			});
			expect(world.announcer.reminders).toHaveLength(1);

			// The next day, a sweep queues the next reminders again.
			world.now = new Date('2026-07-02T06:00:10Z');
			expect(await world.study.sweepReminders()).toEqual({ queued: 2 });
		});

		it('marks a member whose DMs are closed and does not try them again', async () => {
			world.announcer.closedDms.add(ANA);
			expect(await world.study.sendReminder({ userId: ANA, localDate: '2026-07-02' })).toEqual({ status: 'dm-closed' });
			expect((await world.studyStore.reminder(ANA))?.dmClosedAt).toEqual(world.now);
			world.now = new Date('2026-07-03T06:00:10Z');
			expect(await world.study.sweepReminders()).toEqual({ queued: 1 });
			expect(await world.study.sendReminder({ userId: ANA, localDate: '2026-07-03' })).toEqual({ status: 'skipped' });
			expect(world.announcer.reminders).toHaveLength(1);
			// Setting the reminder again re-opens it.
			await world.study.setReminder({ userId: ANA, time: '08:00', timezone: 'Europe/Berlin' });
			expect((await world.studyStore.reminder(ANA))?.dmClosedAt).toBeNull();
		});
	});

	it('deletes everything about one member on request and nothing about another', async () => {
		const before = await world.study.footprint(BEN);
		expect(before).toMatchObject({ quizAnswers: 1, servers: 1, reminder: true });
		expect(before.cards).toBeGreaterThan(0);
		const others = await world.study.footprint(ANA);
		expect(await world.study.forget(BEN)).toEqual(before);
		expect(await world.study.footprint(BEN)).toEqual({
			cards: 0,
			reviews: 0,
			sessions: 0,
			reminder: false,
			quizAnswers: 0,
			servers: 0,
		});
		expect(await world.prisma.guildMember.count({ where: { userId: BEN } })).toBe(0);
		expect(await world.study.footprint(ANA)).toEqual(others);
	});
});
