import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointsFor } from '../../src/quiz/scoring.js';
import { NO_STREAK, nextStreak, type StreakState } from '../../src/scores/rules.js';
import { createQuizWorld, testQuestion, type QuizWorld } from '../support/quizWorld.js';

const GUILD = '100000000000000011';
const QUESTION = testQuestion('q-1', 'VPC');

/** Each member's answers, round by round: right, wrong, or missed (`-`). */
const PATTERNS: Readonly<Record<string, string>> = {
	'300000000000000001': 'RRWRRRR',
	'300000000000000002': 'R-RRWRR',
	'300000000000000003': 'WRR--RR',
	'300000000000000004': '-RRRRRW',
	'300000000000000005': 'RWRWRWR',
};
const LAST_DATE = '2026-04-10';
const DATES = ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-06', '2026-04-07', '2026-04-09', LAST_DATE];

describe('the one-statement answer insert keeps member totals as the rules say (nextStreak and pointsFor)', () => {
	let world: QuizWorld;

	beforeAll(async () => {
		world = await createQuizWorld([QUESTION]);
		await world.setUp({
			guildId: GUILD,
			channelId: '100000000000000012',
			roleId: null,
			postTime: '09:00',
			timezone: 'UTC',
			answerWindowHours: 24,
			adminChannelId: null,
		});
	});

	afterAll(async () => {
		await world.close();
	});

	it('matches a fold of nextStreak and pointsFor over rounds with right, wrong and missed answers', async () => {
		const expected = new Map<string, StreakState & { points: number; answers: number; correct: number }>();
		let previousDate: string | undefined;
		for (const [roundIndex, date] of DATES.entries()) {
			const postedAt = new Date(`${date}T09:00:00Z`);
			world.now = postedAt;
			const posted = await world.quiz.postDueRound({
				guildId: GUILD,
				scheduledFor: postedAt,
				manual: false,
				attempt: 1,
			});
			if (posted.status !== 'posted') {
				throw new Error(`no round: ${posted.status}`);
			}
			const { round } = posted;
			const shownRight = round.optionOrder.indexOf(QUESTION.correct[0] ?? 0);
			for (const [minute, [userId, pattern]] of Object.entries(PATTERNS).entries()) {
				const mark = pattern[roundIndex];
				if (mark === '-') {
					continue;
				}
				const right = mark === 'R';
				const now = new Date(postedAt.getTime() + (minute + 1) * 60_000);
				world.now = now;
				const outcome = await world.quiz.answer({
					roundId: round.id,
					guildId: GUILD,
					userId,
					displayName: `member ${userId.slice(-1)}`,
					shownIndices: [right ? shownRight : (shownRight + 1) % QUESTION.options.length],
				});
				expect(outcome.status).toBe('recorded');
				const before = expected.get(userId) ?? { ...NO_STREAK, points: 0, answers: 0, correct: 0 };
				const streak = nextStreak(before, date, right, previousDate);
				expected.set(userId, {
					...streak,
					points: before.points + pointsFor(right, { postedAt, closesAt: round.closesAt, answeredAt: now }),
					answers: before.answers + 1,
					correct: before.correct + (right ? 1 : 0),
				});
			}
			previousDate = date;
			const stored = await world.prisma.memberStats.findMany({ where: { guildId: GUILD }, orderBy: { userId: 'asc' } });
			expect(
				stored.map((row) => ({
					userId: row.userId,
					current: row.currentStreak,
					best: row.bestStreak,
					lastDate: row.streakLastDate,
					points: row.points,
					answers: row.answers,
					correct: row.correct,
				})),
				`after the round of ${date}`,
			).toEqual(
				[...expected]
					.sort(([left], [right]) => left.localeCompare(right))
					.map(([userId, totals]) => ({ userId, ...totals })),
			);
		}
		expect(await world.prisma.guildMember.count({ where: { guildId: GUILD } })).toBe(Object.keys(PATTERNS).length);
	});

	it('changes nothing when a member answers the same round again', async () => {
		const round = await world.store.findRound(GUILD, LAST_DATE);
		const before = await world.prisma.memberStats.findMany({ where: { guildId: GUILD } });
		world.now = new Date(`${LAST_DATE}T10:00:00Z`);
		const outcome = await world.quiz.answer({
			roundId: round?.id ?? 0,
			guildId: GUILD,
			userId: '300000000000000001',
			displayName: 'member 1',
			shownIndices: [0],
		});
		expect(outcome.status).toBe('already-answered');
		expect(await world.prisma.memberStats.findMany({ where: { guildId: GUILD } })).toEqual(before);
		expect(await world.prisma.quizAnswer.count({ where: { roundId: round?.id ?? 0 } })).toBe(5);
	});
});
