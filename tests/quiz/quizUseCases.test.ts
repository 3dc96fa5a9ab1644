import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJobId, QuizJob, readQuizJob, recapSchedulerId, schedulerId } from '../../src/jobs/quizQueue.js';
import { RoundBeingPostedError } from '../../src/quiz/postDueRound.js';
import type { SetUpQuizInput } from '../../src/quiz/setUpQuiz.js';
import { createQuizWorld, testQuestion, type QuizWorld } from '../support/quizWorld.js';

const GUILD = '200000000000000001';
const CHANNEL = '200000000000000002';
const OTHER_GUILD = '200000000000000003';
const BANK = [testQuestion('q-vpc', 'VPC'), testQuestion('q-s3', 'S3'), testQuestion('q-iam', 'IAM')];

const setup = (overrides: Partial<SetUpQuizInput> = {}): SetUpQuizInput => ({
	guildId: GUILD,
	channelId: CHANNEL,
	roleId: null,
	time: '9:00',
	timezone: 'Europe/Berlin',
	answerWindowHours: 2,
	channelAccess: { missing: [] },
	adminChannelId: '200000000000000004',
	...overrides,
});

/** The quiz's use cases on a real Postgres store and a real BullMQ scheduler on Redis. */
describe('quiz use cases on Postgres and Redis', () => {
	let world: QuizWorld;

	beforeAll(async () => {
		world = await createQuizWorld(BANK);
	});

	afterAll(async () => {
		await world.close();
	});

	const schedulerIds = async () =>
		(await world.queue.getJobSchedulers(0, -1)).map((scheduler) => scheduler.id ?? scheduler.key).sort();

	describe('setUpQuiz', () => {
		it.each<[string, Partial<SetUpQuizInput>, string]>([
			['a time that is not a time', { time: '25:00' }, 'invalid-time'],
			['an unknown time zone', { timezone: 'Europe/Berlinn' }, 'invalid-time-zone'],
			['an answer window over 24 hours', { answerWindowHours: 25 }, 'invalid-answer-window'],
			['a channel the bot cannot post in', { channelAccess: { missing: ['Send Messages'] } }, 'cannot-post'],
			['a channel without messages', { channelAccess: 'not-text' }, 'cannot-post'],
		])('refuses %s and stores and schedules nothing', async (_, overrides, status) => {
			const outcome = await world.quiz.setUp(setup(overrides));
			expect(outcome.status).toBe(status);
			expect(await world.store.getSettings(GUILD)).toBeUndefined();
			expect(await schedulerIds()).toEqual([]);
		});

		it('suggests zones for a misspelt one', async () => {
			const outcome = await world.quiz.setUp(setup({ timezone: 'Europe/Berlinn' }));
			expect(outcome.status === 'invalid-time-zone' && outcome.suggestions[0]).toBe('Europe/Berlin');
		});

		it('stores the settings and schedules the daily post and the recap in the guild’s zone', async () => {
			world.now = new Date('2026-03-10T06:00:00Z');
			const outcome = await world.quiz.setUp(setup());
			expect(outcome.status).toBe('set-up');
			expect(await world.store.getSettings(GUILD)).toMatchObject({
				postTime: '09:00',
				timezone: 'Europe/Berlin',
				answerWindowHours: 2,
				status: 'active',
			});
			expect(await world.queue.getJobScheduler(schedulerId(GUILD))).toMatchObject({
				pattern: '0 9 * * *',
				tz: 'Europe/Berlin',
			});
			expect(await schedulerIds()).toEqual([recapSchedulerId(GUILD), schedulerId(GUILD)].sort());
			if (outcome.status === 'set-up') {
				// 09:00 in Berlin is 08:00 UTC in March.
				expect(outcome.overview.nextPostAt).toEqual(new Date('2026-03-10T08:00:00Z'));
				expect(outcome.overview.todaysRound).toBeUndefined();
			}
		});
	});

	describe('changeQuizStatus and setWeeklyRecap', () => {
		it('says the quiz is not set up in a guild without settings, scheduling nothing', async () => {
			expect((await world.quiz.changeStatus(OTHER_GUILD, 'active')).status).toBe('not-set-up');
			expect(
				(await world.quiz.setWeeklyRecap({ guildId: OTHER_GUILD, enabled: true, weekday: 1, time: undefined })).status,
			).toBe('not-set-up');
			expect(await world.queue.getJobScheduler(schedulerId(OTHER_GUILD))).toBeUndefined();
		});

		it('removes the schedules on pause and brings them back on resume', async () => {
			expect((await world.quiz.changeStatus(GUILD, 'paused')).status).toBe('changed');
			expect(await schedulerIds()).toEqual([]);
			const resumed = await world.quiz.changeStatus(GUILD, 'active');
			expect(resumed).toMatchObject({ status: 'changed', to: 'active' });
			expect(await schedulerIds()).toEqual([recapSchedulerId(GUILD), schedulerId(GUILD)].sort());
		});

		it('moves the recap, refuses a bad time without changing it, and turns it off', async () => {
			const moved = await world.quiz.setWeeklyRecap({ guildId: GUILD, enabled: true, weekday: 5, time: '17:30' });
			expect(moved).toMatchObject({ status: 'set', settings: { recapWeekday: 5, recapTime: '17:30' } });
			expect(await world.queue.getJobScheduler(recapSchedulerId(GUILD))).toMatchObject({ pattern: '30 17 * * 5' });
			const bad = await world.quiz.setWeeklyRecap({ guildId: GUILD, enabled: true, weekday: undefined, time: '7pm' });
			expect(bad).toEqual({ status: 'invalid-time', time: '7pm' });
			expect(await world.store.getSettings(GUILD)).toMatchObject({ recapTime: '17:30' });
			await world.quiz.setWeeklyRecap({ guildId: GUILD, enabled: false, weekday: undefined, time: undefined });
			expect(await schedulerIds()).toEqual([schedulerId(GUILD)]);
		});
	});

	describe('postDueRound, answerQuestion and closeRound', () => {
		const due = new Date('2026-03-10T08:00:00Z');

		it('posts nothing for a guild without settings', async () => {
			expect(
				await world.quiz.postDueRound({ guildId: OTHER_GUILD, scheduledFor: due, manual: false, attempt: 1 }),
			).toEqual({
				status: 'no-settings',
			});
		});

		it('posts the day’s round once, with its close scheduled at the end of the window', async () => {
			world.now = due;
			const outcome = await world.quiz.postDueRound({ guildId: GUILD, scheduledFor: due, manual: false, attempt: 1 });
			expect(outcome.status).toBe('posted');
			const round = await world.store.findRound(GUILD, '2026-03-10');
			expect(round?.messageId).toBe(`message-${String(round?.id)}`);
			expect(round?.postedAt).toEqual(due);
			expect(round?.closesAt).toEqual(new Date(due.getTime() + 2 * 3_600_000));
			const close = await world.queue.getJob(closeJobId(round?.id ?? 0));
			expect(close?.delay).toBe(2 * 3_600_000);
			expect(world.announcer.posts).toHaveLength(1);
			expect(world.announcer.posts[0]?.round.closesAt).toEqual(round?.closesAt);

			const again = await world.quiz.postDueRound({ guildId: GUILD, scheduledFor: due, manual: false, attempt: 1 });
			expect(again.status).toBe('already-posted');
			expect(world.announcer.posts).toHaveLength(1);
		});

		it('judges clicks: right, the same member again, out of range, another guild, unknown round', async () => {
			const round = await world.store.findRound(GUILD, '2026-03-10');
			const roundId = round?.id ?? 0;
			const shownRight = round?.optionOrder.indexOf(0) ?? 0;
			world.now = new Date(due.getTime() + 60_000);
			const answer = (userId: string, shown: number, guildId: string | null = GUILD, id = roundId) =>
				world.quiz.answer({ roundId: id, guildId, userId, displayName: `member ${userId}`, shownIndices: [shown] });
			expect(await answer('300000000000000001', shownRight)).toMatchObject({ status: 'recorded', correct: true });
			expect(await answer('300000000000000001', (shownRight + 1) % 3)).toMatchObject({
				status: 'already-answered',
				correct: true,
			});
			expect(await answer('300000000000000002', 3)).toEqual({ status: 'invalid-choice' });
			expect(await answer('300000000000000002', 0, OTHER_GUILD)).toEqual({ status: 'unknown-round' });
			expect(await answer('300000000000000002', 0, GUILD, 999_999)).toEqual({ status: 'unknown-round' });
			expect(await answer('300000000000000003', (shownRight + 1) % 3)).toMatchObject({
				status: 'recorded',
				correct: false,
				points: 0,
			});
			const picked = (shown: number) => (shown === shownRight ? 1 : 0) + (shown === (shownRight + 1) % 3 ? 1 : 0);
			expect(await world.store.roundStats(roundId)).toEqual({
				answers: 2,
				correct: 1,
				picks: Array.from({ length: Math.max(shownRight, (shownRight + 1) % 3) + 1 }, (_, shown) => picked(shown)),
			});
		});

		it('shows today’s round and its answers in the overview', async () => {
			world.now = new Date(due.getTime() + 120_000);
			const outcome = await world.quiz.overview(GUILD);
			expect(outcome).toMatchObject({
				status: 'found',
				overview: { todaysRound: { localDate: '2026-03-10', answers: 2 } },
			});
		});

		it('reveals and closes the round once; later clicks are refused', async () => {
			const round = await world.store.findRound(GUILD, '2026-03-10');
			world.now = new Date(due.getTime() + 2 * 3_600_000);
			expect(await world.quiz.closeRound(round?.id ?? 0)).toMatchObject({ status: 'closed', stats: { answers: 2 } });
			expect(await world.quiz.closeRound(round?.id ?? 0)).toEqual({ status: 'already-closed' });
			expect(world.announcer.reveals).toHaveLength(1);
			const late = await world.quiz.answer({
				roundId: round?.id ?? 0,
				guildId: GUILD,
				userId: '300000000000000009',
				displayName: 'late',
				shownIndices: [0],
			});
			expect(late.status).toBe('closed');
			expect((await world.store.roundStats(round?.id ?? 0)).answers).toBe(2);
		});

		it('lets only one of two racing posts claim a round; a claim whose worker died lapses', async () => {
			const next = new Date('2026-03-11T08:00:00Z');
			world.now = next;
			// A worker that claimed the round and died before posting: its claim holds for 30 s.
			const round = await world.store.createRound({
				guildId: GUILD,
				localDate: '2026-03-11',
				questionId: 'q-s3',
				topic: 'S3',
				optionOrder: [2, 0, 1],
				channelId: CHANNEL,
				closesAt: new Date(next.getTime() + 2 * 3_600_000),
			});
			expect(await world.store.claimRoundPost(round.id, next, 30_000, round.closesAt)).toBe(true);
			await expect(
				world.quiz.postDueRound({ guildId: GUILD, scheduledFor: next, manual: false, attempt: 1 }),
			).rejects.toBeInstanceOf(RoundBeingPostedError);
			world.now = new Date(next.getTime() + 31_000);
			expect(
				(await world.quiz.postDueRound({ guildId: GUILD, scheduledFor: next, manual: false, attempt: 1 })).status,
			).toBe('posted');
			expect(world.announcer.posts.filter((post) => post.round.localDate === '2026-03-11')).toHaveLength(1);
			expect((await world.store.findRound(GUILD, '2026-03-11'))?.postAttempts).toBe(2);
		});

		it('skips a paused guild’s schedule but posts on post-now', async () => {
			await world.quiz.changeStatus(GUILD, 'paused');
			const day = new Date('2026-03-12T08:00:00Z');
			world.now = day;
			expect(await world.quiz.postDueRound({ guildId: GUILD, scheduledFor: day, manual: false, attempt: 1 })).toEqual({
				status: 'not-active',
			});
			expect(
				(await world.quiz.postDueRound({ guildId: GUILD, scheduledFor: day, manual: true, attempt: 1 })).status,
			).toBe('posted');
			await world.quiz.changeStatus(GUILD, 'active');
		});
	});

	describe('a post Discord refuses', () => {
		const day = new Date('2026-03-13T08:00:00Z');
		const denied = { kind: 'missing-access', missing: ['Send Messages'] } as const;

		it('is recorded with why, reported once to the admin channel, and not retried blindly', async () => {
			world.now = day;
			world.announcer.refusePosts = denied;
			const first = await world.quiz.postDueRound({ guildId: GUILD, scheduledFor: day, manual: false, attempt: 1 });
			expect(first).toMatchObject({ status: 'failed', failure: denied, reported: true });
			const round = await world.store.findRound(GUILD, '2026-03-13');
			expect(round).toMatchObject({ messageId: null, postClaimedAt: null, postedAt: null, postAttempts: 1 });
			expect(round?.lastFailure).toEqual({ failure: denied, at: day, retryAt: undefined, reportedAt: day });
			expect(world.announcer.reports).toHaveLength(1);
			expect(world.announcer.reports[0]?.settings.adminChannelId).toBe('200000000000000004');

			world.now = new Date(day.getTime() + 60_000);
			const second = await world.quiz.postDueRound({ guildId: GUILD, scheduledFor: day, manual: true, attempt: 1 });
			expect(second).toMatchObject({ status: 'failed', reported: false });
			expect(world.announcer.reports).toHaveLength(1);
		});

		it('is tried again at once when the quiz channel or a role changes, not for another channel', async () => {
			await world.queue.obliterate({ force: true });
			expect(await world.quiz.retryBlockedPost({ guildId: GUILD, channelId: '200000000000000099' })).toEqual({
				status: 'nothing',
			});
			expect(await world.quiz.retryBlockedPost({ guildId: GUILD, channelId: CHANNEL })).toEqual({
				status: 'retrying',
				localDate: '2026-03-13',
			});
			expect(await world.quiz.retryBlockedPost({ guildId: GUILD })).toMatchObject({ status: 'retrying' });
			// Deduplicated while the first retry waits: one job for the day, however many changes.
			const jobs = await world.queue.getJobs(['waiting', 'delayed', 'prioritized']);
			expect(jobs.map(readQuizJob).filter((request) => request.name === QuizJob.post)).toHaveLength(1);
		});

		it('is posted once the fix is in, clearing the failure', async () => {
			world.announcer.refusePosts = undefined;
			const outcome = await world.quiz.postDueRound({ guildId: GUILD, scheduledFor: day, manual: false, attempt: 1 });
			expect(outcome.status).toBe('posted');
			expect((await world.store.findRound(GUILD, '2026-03-13'))?.lastFailure).toBeUndefined();
			expect(await world.quiz.retryBlockedPost({ guildId: GUILD })).toEqual({ status: 'nothing' });
		});

		it('records a temporary failure with its next try, and none after the last attempt', async () => {
			const later = new Date('2026-03-14T08:00:00Z');
			world.now = later;
			world.announcer.failPosts = 2;
			await expect(
				world.quiz.postDueRound({ guildId: GUILD, scheduledFor: later, manual: false, attempt: 1 }),
			).rejects.toThrow('Discord is down');
			expect((await world.store.findRound(GUILD, '2026-03-14'))?.lastFailure).toMatchObject({
				failure: { kind: 'temporary', detail: 'Discord is down' },
				retryAt: new Date(later.getTime() + 5_000),
			});
			await expect(
				world.quiz.postDueRound({ guildId: GUILD, scheduledFor: later, manual: false, attempt: 8 }),
			).rejects.toThrow('Discord is down');
			expect((await world.store.findRound(GUILD, '2026-03-14'))?.lastFailure?.retryAt).toBeUndefined();
		});
	});

	describe('postQuizNow', () => {
		const access = () => ({ missing: [] });

		it('asks for today’s post and waits for the worker to say it is out', async () => {
			await world.queue.obliterate({ force: true });
			world.now = new Date('2026-03-15T10:00:00Z');
			// The worker, played by the test: it takes the job while post-now waits.
			world.onPause = async () => {
				world.onPause = undefined;
				const jobs = await world.queue.getJobs(['waiting', 'delayed', 'prioritized']);
				expect(
					jobs.map(readQuizJob).filter((request) => request.name === QuizJob.post && request.data.manual === true),
				).toHaveLength(1);
				await world.quiz.postDueRound({ guildId: GUILD, scheduledFor: world.now, manual: true, attempt: 1 });
			};
			const outcome = await world.quiz.postNow({ guildId: GUILD, channelAccess: access });
			expect(outcome).toMatchObject({ status: 'posted', round: { localDate: '2026-03-15' } });
			expect(await world.quiz.postNow({ guildId: GUILD, channelAccess: access })).toMatchObject({
				status: 'already-posted',
			});
		});

		it('says what Discord refused, and what the bot lacks before asking at all', async () => {
			world.now = new Date('2026-03-16T10:00:00Z');
			world.announcer.refusePosts = { kind: 'channel-gone' };
			world.onPause = async () => {
				world.onPause = undefined;
				await world.quiz.postDueRound({ guildId: GUILD, scheduledFor: world.now, manual: true, attempt: 1 });
			};
			expect(await world.quiz.postNow({ guildId: GUILD, channelAccess: access })).toMatchObject({
				status: 'failed',
				failure: { kind: 'channel-gone' },
			});
			world.announcer.refusePosts = undefined;
			await world.queue.obliterate({ force: true });
			expect(
				await world.quiz.postNow({ guildId: GUILD, channelAccess: () => ({ missing: ['Embed Links'] }) }),
			).toMatchObject({ status: 'cannot-post', missing: ['Embed Links'] });
			expect(await world.queue.getJobs(['waiting', 'delayed', 'prioritized'])).toEqual([]);
		});

		it('says it is still on its way when no worker answers in time', async () => {
			expect(await world.quiz.postNow({ guildId: GUILD, channelAccess: access })).toMatchObject({
				status: 'still-posting',
			});
		});

		it('refuses in a guild that turned the quiz off, or never set it up', async () => {
			expect(await world.quiz.postNow({ guildId: OTHER_GUILD, channelAccess: access })).toEqual({
				status: 'not-set-up',
			});
			await world.quiz.changeStatus(GUILD, 'disabled');
			expect(await world.quiz.postNow({ guildId: GUILD, channelAccess: access })).toEqual({ status: 'disabled' });
			await world.quiz.changeStatus(GUILD, 'active');
		});
	});

	describe('keepSchedules', () => {
		it('restores lost schedules, catches up a missed post and re-creates the close of an open round', async () => {
			await world.queue.obliterate({ force: true });
			const settings = await world.store.getSettings(GUILD);
			if (!settings) {
				throw new Error('the guild is set up above');
			}
			// A schedule Postgres knows nothing of: a guild that left while Redis kept its scheduler.
			await world.scheduler.scheduleGuild({ ...settings, guildId: OTHER_GUILD });
			// 09:30 in Berlin on the 20th: the post is due and no round exists.
			world.now = new Date('2026-03-20T08:30:00Z');
			const kept = await world.quiz.keepSchedules();
			expect(kept).toMatchObject({ upserted: 1, removed: 1, caughtUp: 1 });
			expect(await schedulerIds()).toEqual([schedulerId(GUILD)]);
			const jobs = await world.queue.getJobs(['waiting', 'delayed', 'prioritized']);
			expect(
				jobs.map(readQuizJob).some((request) => request.name === QuizJob.post && request.data.guildId === GUILD),
			).toBe(true);
			const open = await world.store.openRounds();
			for (const round of open) {
				expect(await world.queue.getJob(closeJobId(round.id))).toBeDefined();
			}
			expect(kept.closesRescheduled).toBe(open.length);
			const again = await world.quiz.keepSchedules();
			const after = await world.queue.getJobs(['waiting', 'delayed', 'prioritized']);
			expect(again.caughtUp).toBe(1);
			expect(after).toHaveLength(jobs.length);
		});
	});
});
