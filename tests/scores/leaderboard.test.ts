import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import type { Question } from '../../src/quiz/questionBank.js';
import { markRoundPosted, prepareRound, recordAnswer } from '../../src/quiz/rounds.js';
import { saveQuizSettings, type QuizSettings } from '../../src/quiz/settings.js';
import { getLeaderboard, LEADERBOARD_PAGE_SIZE } from '../../src/scores/leaderboard.js';
import type { Period } from '../../src/scores/rules.js';
import { getMemberProgress } from '../../src/scores/memberProgress.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

const GUILD = '100000000000000001';
const question = (id: string, topic: string): Question => ({
	id,
	topic,
	difficulty: 'easy',
	prompt: `Question ${id}?`,
	options: ['right', 'wrong'],
	correctIndex: 0,
	explanation: 'Because.',
	sectionId: 'notes.section',
	evidence: 'x',
	file: 'test.yaml',
});
const bank = [question('vpc-1', 'VPC'), question('s3-1', 'S3'), question('iam-1', 'IAM')];
const byId = new Map(bank.map((entry) => [entry.id, entry]));

describe('leaderboards and stats on real Postgres', () => {
	let database: TestDatabase;
	let prisma: PrismaClient;
	let settings: QuizSettings;

	/** Posts the round of a Berlin date at 09:00 and lets members answer: user → right/wrong. */
	async function day(date: string, answers: Readonly<Record<string, boolean>>): Promise<void> {
		const postedAt = new Date(`${date}T08:00:00Z`);
		const prepared = await prepareRound(prisma, bank, settings, date, postedAt);
		if (!prepared) {
			throw new Error('no round');
		}
		const round = await markRoundPosted(prisma, prepared.round.id, `m${prepared.round.id}`, postedAt, 24);
		let minute = 0;
		for (const [userId, right] of Object.entries(answers)) {
			minute += 1;
			const shownRight = round.optionOrder.indexOf(prepared.question.correctIndex);
			const outcome = await recordAnswer(prisma, byId, {
				roundId: round.id,
				guildId: GUILD,
				userId,
				displayName: `name-${userId.slice(-2)}`,
				shownIndex: right ? shownRight : 1 - shownRight,
				now: new Date(postedAt.getTime() + minute * 60_000),
			});
			expect(outcome.status).toBe('recorded');
		}
	}

	const user = (n: number) => `2000000000000000${String(n).padStart(2, '0')}`;

	beforeAll(async () => {
		database = await createTestDatabase();
		prisma = createPrismaClient(database.url);
		settings = await saveQuizSettings(prisma, {
			guildId: GUILD,
			channelId: '100000000000000002',
			roleId: null,
			postTime: '09:00',
			timezone: 'Europe/Berlin',
			answerWindowHours: 24,
		});
		// Week of Monday 2026-03-09 (Berlin), and the Sunday before it.
		await day('2026-03-08', { [user(1)]: true, [user(2)]: true });
		await day('2026-03-09', { [user(1)]: true, [user(2)]: true, [user(3)]: true, [user(4)]: false });
		await day('2026-03-10', { [user(1)]: true, [user(2)]: false, [user(3)]: true, [user(4)]: true });
		for (let extra = 10; extra < 25; extra += 1) {
			await day(`2026-03-${String(extra + 1).padStart(2, '0')}`, {});
		}
	}, 60_000);

	afterAll(async () => {
		await prisma.$disconnect();
		await database.drop();
	});

	const now = new Date('2026-03-10T12:00:00Z');
	const leaderboard = (period: Period, options: { page?: number; readerId?: string; now?: Date } = {}) =>
		getLeaderboard(prisma, {
			guildId: GUILD,
			timeZone: 'Europe/Berlin',
			period,
			page: 0,
			readerId: user(1),
			now,
			...options,
		});

	it('ranks all time from running totals, ties sharing a rank', async () => {
		const board = await leaderboard('all', { readerId: user(4) });
		expect(board.rows.map((row) => [row.userId, row.points, row.rank])).toEqual([
			[user(1), 45, 1],
			[user(2), 30, 2],
			[user(3), 30, 2],
			[user(4), 15, 4],
		]);
		expect(board.rows.map((row) => row.name)).toEqual(['name-01', 'name-02', 'name-03', 'name-04']);
		expect(board.reader?.rank).toBe(4);
	});

	it('lists tied members in the order they reached their points', async () => {
		const board = await leaderboard('all');
		const tied = board.rows.filter((row) => row.points === 30).map((row) => row.userId);
		// user 2 reached 30 on 2026-03-09; user 3 only on 2026-03-10.
		expect(tied).toEqual([user(2), user(3)]);
	});

	it('counts only the ISO week in the guild’s zone for this week', async () => {
		const board = await leaderboard('week');
		expect(board.rows.map((row) => [row.userId, row.points])).toEqual([
			[user(1), 30],
			[user(3), 30],
			[user(2), 15],
			[user(4), 15],
		]);
		expect(board.rows.map((row) => row.rank)).toEqual([1, 1, 3, 3]);
	});

	it('shows live streaks: a wrong answer resets, a right one continues', async () => {
		const board = await leaderboard('all', { now: new Date('2026-03-10T12:00:00Z') });
		const streaks = Object.fromEntries(board.rows.map((row) => [row.userId, row.streak]));
		expect(streaks).toEqual({ [user(1)]: 3, [user(2)]: 0, [user(3)]: 2, [user(4)]: 1 });
		const later = await leaderboard('all', { now: new Date('2026-03-12T12:00:00Z') });
		expect(later.rows.map((row) => row.streak)).toEqual([0, 0, 0, 0]);
	});

	it('gives the reader their own rank even when off the page', async () => {
		const extra = Array.from({ length: 12 }, (_, index) => user(50 + index));
		await day('2026-03-26', Object.fromEntries(extra.map((id) => [id, true])));
		await day('2026-03-27', Object.fromEntries(extra.map((id) => [id, true])));
		const board = await leaderboard('all', { readerId: user(4) });
		expect(board.rows).toHaveLength(LEADERBOARD_PAGE_SIZE);
		expect(board.rows.some((row) => row.userId === user(4))).toBe(false);
		expect(board.reader).toMatchObject({ userId: user(4), points: 15 });
		expect(board.pageCount).toBe(2);
	});

	it('shows the last page for a page number past the end', async () => {
		const board = await leaderboard('all', { page: 99 });
		expect(board.page).toBe(board.pageCount - 1);
		expect(board.rows.length).toBeGreaterThan(0);
		expect(board.rows).toHaveLength(board.members - LEADERBOARD_PAGE_SIZE * board.page);
	});

	it('keeps members who left, under their last known name', async () => {
		await prisma.guildMember.update({
			where: { guildId_userId: { guildId: GUILD, userId: user(1) } },
			data: { displayName: 'renamed' },
		});
		const board = await leaderboard('all');
		expect(board.rows[0]).toMatchObject({ userId: user(1), name: 'renamed' });
	});

	it('reports a member’s totals, best streak, ranks and accuracy per topic with the weakest first', async () => {
		const progress = await getMemberProgress(prisma, {
			guildId: GUILD,
			userId: user(2),
			timeZone: 'Europe/Berlin',
			now,
			fallbackName: 'x',
		});
		expect(progress.allTime).toMatchObject({ points: 30, answers: 3, correct: 2 });
		expect(progress.bestStreak).toBe(2);
		expect(progress.ranks.week?.rank).toBe(3);
		expect(progress.topics.reduce((sum, topic) => sum + topic.answers, 0)).toBe(3);
		expect(progress.weakest).toHaveLength(1);
		expect(progress.weakest[0]?.lastWrongQuestionId).toBeDefined();
	});
});
