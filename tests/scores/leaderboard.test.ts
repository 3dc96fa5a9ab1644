import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEADERBOARD_PAGE_SIZE } from '../../src/scores/leaderboard.js';
import type { Period } from '../../src/scores/rules.js';
import { createQuizWorld, testQuestion, type QuizWorld } from '../support/quizWorld.js';

const GUILD = '100000000000000001';
const bank = [
	testQuestion('vpc-1', 'VPC', ['right', 'wrong']),
	testQuestion('s3-1', 'S3', ['right', 'wrong']),
	testQuestion('iam-1', 'IAM', ['right', 'wrong']),
];

describe('leaderboards and stats on real Postgres', () => {
	let world: QuizWorld;

	/** Posts the round of a Berlin date at 09:00 and lets members answer: user → right/wrong. */
	async function day(date: string, answers: Readonly<Record<string, boolean>>): Promise<void> {
		await world.playRound(GUILD, new Date(`${date}T08:00:00Z`), answers);
	}

	const user = (n: number) => `2000000000000000${String(n).padStart(2, '0')}`;

	beforeAll(async () => {
		world = await createQuizWorld(bank);
		await world.setUp({
			guildId: GUILD,
			channelId: '100000000000000002',
			roleId: null,
			postTime: '09:00',
			timezone: 'Europe/Berlin',
			answerWindowHours: 24,
			adminChannelId: null,
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
		await world.close();
	});

	const now = new Date('2026-03-10T12:00:00Z');
	const leaderboard = (period: Period, options: { page?: number; readerId?: string; now?: Date } = {}) => {
		world.now = options.now ?? now;
		return world.scores.leaderboard({ guildId: GUILD, period, page: 0, readerId: user(1), ...options });
	};

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
		await world.prisma.guildMember.update({
			where: { guildId_userId: { guildId: GUILD, userId: user(1) } },
			data: { displayName: 'renamed' },
		});
		const board = await leaderboard('all');
		expect(board.rows[0]).toMatchObject({ userId: user(1), name: 'renamed' });
	});

	it('reports a member’s totals, best streak, ranks and accuracy per topic with the weakest first', async () => {
		world.now = now;
		const progress = await world.scores.memberProgress({ guildId: GUILD, userId: user(2), fallbackName: 'x' });
		expect(progress.allTime).toMatchObject({ points: 30, answers: 3, correct: 2 });
		expect(progress.bestStreak).toBe(2);
		expect(progress.ranks.week?.rank).toBe(3);
		expect(progress.topics.reduce((sum, topic) => sum + topic.answers, 0)).toBe(3);
		expect(progress.weakest).toHaveLength(1);
		expect(progress.weakest[0]?.lastWrongQuestionId).toBeDefined();
		expect(progress.weakest[0]?.lastWrongSectionId).toBe('notes.section');
	});

	it('posts the weekly recap with the week’s top members and hardest question, and none when it is off', async () => {
		const friday = new Date('2026-03-13T17:00:00Z');
		world.now = friday;
		expect(await world.scores.postWeeklyRecap({ guildId: GUILD, scheduledFor: friday })).toEqual({
			status: 'posted',
			weekOf: '2026-03-09',
		});
		const [posted] = world.announcer.recaps;
		expect(posted?.recap.top.map((row) => row.userId)).toEqual([user(1), user(3), user(2), user(4)]);
		expect(posted?.recap.hardest).toMatchObject({ answers: 4, correct: 3 });
		expect(posted?.hardest?.id).toBe(posted?.recap.hardest?.questionId);
		expect(await world.scores.postWeeklyRecap({ guildId: '100000000000000099', scheduledFor: friday })).toEqual({
			status: 'no-settings',
		});
		await world.quiz.setWeeklyRecap({ guildId: GUILD, enabled: false, weekday: undefined, time: undefined });
		expect(await world.scores.postWeeklyRecap({ guildId: GUILD, scheduledFor: friday })).toEqual({ status: 'off' });
		expect(world.announcer.recaps).toHaveLength(1);
	});
});
