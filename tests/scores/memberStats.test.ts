import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import type { Question } from '../../src/quiz/questionBank.js';
import { markRoundPosted, prepareRound, recordAnswer } from '../../src/quiz/rounds.js';
import { pointsFor } from '../../src/quiz/scoring.js';
import { saveQuizSettings, type QuizSettings } from '../../src/quiz/settings.js';
import { NO_STREAK, nextStreak, type StreakState } from '../../src/scores/rules.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

const GUILD = '100000000000000011';
const QUESTION: Question = {
	id: 'q-1',
	topic: 'VPC',
	difficulty: 'easy',
	prompt: 'Question?',
	options: ['right', 'wrong', 'also wrong'],
	correctIndex: 0,
	explanation: 'Because.',
	sectionId: 'notes.section',
	evidence: 'x',
	file: 'test.yaml',
};

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

describe('member totals kept by the one-statement answer insert agree with the rules', () => {
	let database: TestDatabase;
	let prisma: PrismaClient;
	let settings: QuizSettings;

	beforeAll(async () => {
		database = await createTestDatabase();
		prisma = createPrismaClient(database.url);
		settings = await saveQuizSettings(prisma, {
			guildId: GUILD,
			channelId: '100000000000000012',
			roleId: null,
			postTime: '09:00',
			timezone: 'UTC',
			answerWindowHours: 24,
		});
	});

	afterAll(async () => {
		await prisma.$disconnect();
		await database.drop();
	});

	it('matches a fold of nextStreak and pointsFor over rounds with right, wrong and missed answers', async () => {
		const expected = new Map<string, StreakState & { points: number; answers: number; correct: number }>();
		let previousDate: string | undefined;
		for (const [roundIndex, date] of DATES.entries()) {
			const postedAt = new Date(`${date}T09:00:00Z`);
			const prepared = await prepareRound(prisma, [QUESTION], settings, date, postedAt);
			if (!prepared) {
				throw new Error('no round');
			}
			const round = await markRoundPosted(prisma, prepared.round.id, `m${String(prepared.round.id)}`, postedAt, 24);
			const shownRight = round.optionOrder.indexOf(QUESTION.correctIndex);
			for (const [minute, [userId, pattern]] of Object.entries(PATTERNS).entries()) {
				const mark = pattern[roundIndex];
				if (mark === '-') {
					continue;
				}
				const right = mark === 'R';
				const now = new Date(postedAt.getTime() + (minute + 1) * 60_000);
				const outcome = await recordAnswer(prisma, new Map([[QUESTION.id, QUESTION]]), {
					roundId: round.id,
					guildId: GUILD,
					userId,
					displayName: `member ${userId.slice(-1)}`,
					shownIndex: right ? shownRight : (shownRight + 1) % QUESTION.options.length,
					now,
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
			const stored = await prisma.memberStats.findMany({ where: { guildId: GUILD }, orderBy: { userId: 'asc' } });
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
		expect(await prisma.guildMember.count({ where: { guildId: GUILD } })).toBe(Object.keys(PATTERNS).length);
	});

	it('changes nothing when a member answers the same round again', async () => {
		const round = await prisma.quizRound.findFirstOrThrow({ where: { guildId: GUILD, localDate: LAST_DATE } });
		const before = await prisma.memberStats.findMany({ where: { guildId: GUILD } });
		const outcome = await recordAnswer(prisma, new Map([[QUESTION.id, QUESTION]]), {
			roundId: round.id,
			guildId: GUILD,
			userId: '300000000000000001',
			displayName: 'member 1',
			shownIndex: 0,
			now: new Date(`${LAST_DATE}T10:00:00Z`),
		});
		expect(outcome.status).toBe('already-answered');
		expect(await prisma.memberStats.findMany({ where: { guildId: GUILD } })).toEqual(before);
		expect(await prisma.quizAnswer.count({ where: { roundId: round.id } })).toBe(5);
	});
});
